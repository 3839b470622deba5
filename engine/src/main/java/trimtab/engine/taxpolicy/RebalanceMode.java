package trimtab.engine.taxpolicy;

/** How far a rebalance trades. */
public enum RebalanceMode {
    /** Every out-of-band class back to its target. */
    TO_TARGET,
    /** Out-of-band classes back to the edge of their band only (opportunistic rebalancing, Daryanani 2008). */
    TO_BAND_EDGE,
    /** Invest cash; never sell. */
    BUY_ONLY,
    /** Raise cash; never buy. */
    SELL_ONLY
}
