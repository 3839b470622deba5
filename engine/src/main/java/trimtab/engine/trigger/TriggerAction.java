package trimtab.engine.trigger;

/** What a trigger asks for. */
public enum TriggerAction {
    /** Bring out-of-band classes back (to target or to the band edge, per tax policy). */
    REBALANCE,
    /** Sell lots at a loss and buy a substitute to keep the exposure. */
    HARVEST,
    /** Sell to fund a scheduled distribution. */
    RAISE_CASH,
    /** Invest cash above the model's cash target. */
    INVEST_CASH,
    /** An advisor must look at the household before anything is traded. */
    REVIEW,
    /** Automated trading is suspended (e.g. market stress); trades queue for advisor review. */
    SUSPEND
}
