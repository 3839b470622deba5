package trimtab.engine.book;

/** Registration of an account; it decides whether trades have tax consequences. */
public enum AccountType {
    TAXABLE(false),
    TRADITIONAL_IRA(true),
    ROTH_IRA(true),
    ERISA_PLAN(true),
    /** A (non-grantor) trust is taxed on its own realised gains. */
    TRUST(false);

    private final boolean taxSheltered;

    AccountType(boolean taxSheltered) {
        this.taxSheltered = taxSheltered;
    }

    /** True when selling in the account realises no taxable gain or deductible loss. */
    public boolean isTaxSheltered() {
        return taxSheltered;
    }
}
