package trimtab.engine.book;

/** Buy or sell. */
public enum TradeSide {
    BUY, SELL
}
