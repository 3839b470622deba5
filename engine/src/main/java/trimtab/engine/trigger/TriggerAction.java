package trimtab.engine.trigger;

/**
 * What a trigger asks for. Declared from the most to the least cautious: when two hits are equally
 * urgent, the more cautious action decides (a review before a rebalance).
 */
public enum TriggerAction {
    /** Automated trading is suspended (e.g. market stress); trades queue for advisor review. */
    SUSPEND,
    /** An advisor must look at the household before anything is traded. */
    REVIEW,
    /** Sell to fund a scheduled distribution. */
    RAISE_CASH,
    /** Bring out-of-band classes back (to target or to the band edge, per tax policy). */
    REBALANCE,
    /** Sell lots at a loss and buy a substitute to keep the exposure. */
    HARVEST,
    /** Invest cash above the model's cash target. */
    INVEST_CASH
}
