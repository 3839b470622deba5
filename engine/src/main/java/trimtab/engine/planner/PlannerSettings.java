package trimtab.engine.planner;

import java.math.BigDecimal;

/**
 * Firm-wide planning settings.
 *
 * @param minTradeNotional no trade smaller than this, in dollars
 * @param reserveDays      cash is held back for distributions scheduled within this many days
 * @param minCashPct       and for this share of each account, in percent
 * @param harvest          whether to harvest losses beyond the tax policy's thresholds (not in buy- or sell-only mode)
 */
public record PlannerSettings(BigDecimal minTradeNotional, int reserveDays, BigDecimal minCashPct, boolean harvest) {
    public static final PlannerSettings DEFAULTS = new PlannerSettings(new BigDecimal("100"), 90, BigDecimal.ZERO, true);
}
