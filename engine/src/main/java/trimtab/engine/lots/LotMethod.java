package trimtab.engine.lots;

/** How a sale picks the lots it relieves; chosen per account type or household by the tax-policy table. */
public enum LotMethod {
    /** Oldest lots first. */
    FIFO,
    /** Newest lots first. */
    LIFO,
    /** Highest cost per share first: the smallest gain or the largest loss. */
    HIFO,
    /** The lots the advisor names, in the order named. */
    SPECIFIC_ID,
    /**
     * Short-term losses first (largest loss per share first), then long-term losses, then long-term gains
     * with the smallest gain per share, then short-term gains (smallest first): losses that offset the most
     * expensive gains go first, and short-term gains, taxed as ordinary income, last.
     */
    TAX_OPTIMAL
}
