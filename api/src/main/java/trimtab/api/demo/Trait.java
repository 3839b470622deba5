package trimtab.api.demo;

/**
 * Something a household may have that a rule row tests: each is drawn with its share of households, and a book
 * large enough gets at least one household with each (see {@link Firm}), so that every trigger and
 * guardrail family has something to act on in the demo book whatever the seed.
 */
enum Trait {
    /** a distribution due within four weeks, larger than the uninvested cash (CASH-OUT-01) */
    PENDING_DISTRIBUTION(0.14),
    /** money received in the last weeks, often not yet invested (CASH-IN-01) */
    CONTRIBUTION(0.15),
    /** a retirement, inheritance, divorce ... (LifeEvents) */
    LIFE_EVENT(0.12),
    /** holds the stock on the firm's restricted list (RESTR-FIRM-01) */
    HOLDS_FIRM_RESTRICTED(0.08),
    /** an insider's employer stock the client may not trade (RESTR-CLIENT-01) */
    CLIENT_RESTRICTION(0.05),
    /** excludes ESG tags, sometimes while still holding a tagged stock (RESTR-ESG-01) */
    ESG_EXCLUSION(0.08),
    /** a low-basis stock the client wants to keep (RESTR-NOSELL-01) */
    NO_SELL(0.05),
    /** a security the client does not want bought (RESTR-NOBUY-01) */
    NO_BUY(0.05),
    /** investment policy ranges around the model (IPS-01, rarely binding) */
    IPS_BOUNDS(0.20),
    /** an IPS maximum below the model's target in a class the household is short of: buying it is blocked (IPS-01) */
    BINDING_IPS(0.04),
    /** a loss sale and a purchase in the last 30 days (WASH-01, WASH-IRA-01) */
    RECENT_TRADES(0.10),
    /** a 401(k) with its plan menu (RESTR-ERISA-01) */
    ERISA_PLAN(0.22),
    /** one account managed to its own model */
    OWN_MODEL_ACCOUNT(0.10),
    /** several millions: trades large enough to need approval (TRADE-MAX-01) */
    VERY_WEALTHY(0.04);

    private final double share;

    Trait(double share) {
        this.share = share;
    }

    /** The share of households that have it. */
    double share() {
        return share;
    }
}
