package trimtab.engine.book;

/** The kind of instrument; it matters for fractional shares and for ERISA plan menus. */
public enum SecurityType {
    STOCK, ETF, MUTUAL_FUND
}
