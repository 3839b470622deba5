package trimtab.api.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The firm dashboard over the runs requested between two dates (both included).
 *
 * @param dryRuns whether dry runs were counted (by default they are not: nothing of theirs is traded)
 * @param totals  the measures over every run of the period
 * @param byRule  the rules that blocked or held trades in the period, most trades first
 * @param runs    one point per run, oldest first, for the charts over time
 */
@Serdeable
public record DashboardView(LocalDate from, LocalDate to, boolean dryRuns, Measures totals, List<RuleCount> byRule,
                            List<RunPoint> runs) {

    /**
     * The measures, over a period or over one run.
     *
     * @param runs                      runs counted
     * @param households                households evaluated (a household counted once per run)
     * @param accounts                  accounts of those households (an account counted once per run)
     * @param avgDriftBeforePts         the average, over households, of each household's largest drift from target in
     *                                  percentage points (any asset class, any of its portfolios) before the run
     * @param avgDriftAfterPts          the same after the run's trades (a portfolio without a plan keeps its drift)
     * @param cycleSecondsPer50         how long the runs took from start to finish, per 50 households (finished runs only)
     * @param harvestedLosses           losses the runs realised by harvesting, in dollars
     * @param availableLosses           unrealised losses of the lots the harvest rows picked out, in dollars (each lot once per run)
     * @param harvestCapturePct         harvested / available x 100; null when nothing was available
     * @param washSaleViolations        trades that would create a wash sale and could still be traded (passed, warned, or
     *                                  approved); should be zero
     * @param washSaleViolationsPer100Accounts washSaleViolations per 100 accounts
     * @param washSalesStopped          trades a wash-sale row blocked or holds for approval (the guardrails caught them)
     * @param tradesProposed            trades proposed, blocked ones included
     * @param tradesBlocked             trades with verdict BLOCK
     * @param tradesHeld                trades with verdict REQUIRE_APPROVAL
     */
    @Serdeable
    public record Measures(int runs, int households, int accounts, @Nullable BigDecimal avgDriftBeforePts,
                           @Nullable BigDecimal avgDriftAfterPts, @Nullable BigDecimal cycleSecondsPer50, BigDecimal harvestedLosses,
                           BigDecimal availableLosses, @Nullable BigDecimal harvestCapturePct, int washSaleViolations,
                           @Nullable BigDecimal washSaleViolationsPer100Accounts, int washSalesStopped, int tradesProposed,
                           int tradesBlocked, int tradesHeld) {
    }

    /**
     * One rule and the trades it stopped in the period.
     *
     * @param kind    GUARDRAIL (a guardrail row) or TRIGGER (a SUSPEND or REVIEW trigger row holding a household's trades)
     * @param blocked trades it blocked
     * @param held    trades it holds for approval
     */
    @Serdeable
    public record RuleCount(String ruleId, String kind, int blocked, int held) {
    }

    /** One run on the charts: when, its status, and its measures. */
    @Serdeable
    public record RunPoint(String runId, Instant requestedAt, LocalDate asOf, String status, Measures measures) {
    }
}
