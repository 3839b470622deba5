package trimtab.engine.taxpolicy;

/** Which accounts' trades the wash-sale rules look across. */
public enum WashSaleScope {
    ACCOUNT, HOUSEHOLD, FIRM
}
