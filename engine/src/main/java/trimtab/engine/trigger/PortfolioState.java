package trimtab.engine.trigger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.CashFlow;
import trimtab.engine.drift.AllocationDrift;
import trimtab.engine.drift.PortfolioDrift;

/**
 * Rule fact: one portfolio (household sleeve or account with its own model) as calendar, cash-flow,
 * market and multi-factor rows see it.
 */
public final class PortfolioState {
    private final PortfolioDrift drift;
    private final LocalDate asOf;
    private final Optional<LocalDate> lastRebalance;
    private final BigDecimal cash;
    private final List<CashFlow> cashFlows;
    private final BigDecimal vix;

    public PortfolioState(PortfolioDrift drift, LocalDate asOf, Optional<LocalDate> lastRebalance, BigDecimal cash,
                          List<CashFlow> cashFlows, BigDecimal vix) {
        this.drift = drift;
        this.asOf = asOf;
        this.lastRebalance = lastRebalance;
        this.cash = cash;
        this.cashFlows = List.copyOf(cashFlows);
        this.vix = vix;
    }

    public String getScope() {
        return drift.scope().toString();
    }

    public String getHouseholdId() {
        return drift.scope().household().value();
    }

    /** The model's id, or "none" for a household sleeve without a model. */
    public String getModel() {
        return drift.model().map(Object::toString).orElse("none");
    }

    public boolean isModelled() {
        return drift.model().isPresent();
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public BigDecimal getTotalValue() {
        return drift.totalValue();
    }

    /** Uninvested cash in the portfolio's accounts. */
    public BigDecimal getCash() {
        return cash;
    }

    /** Weight of the cash class (cash and cash-like funds) in percent. */
    public BigDecimal getCashWeight() {
        return drift.allocation(AssetClass.CASH).map(AllocationDrift::weightPct).orElse(BigDecimal.ZERO);
    }

    public BigDecimal getCashTarget() {
        return drift.allocation(AssetClass.CASH).map(AllocationDrift::targetPct).orElse(BigDecimal.ZERO);
    }

    /** Cash weight above its target in points (negative when below). */
    public BigDecimal getExcessCash() {
        return getCashWeight().subtract(getCashTarget());
    }

    public boolean isNeverRebalanced() {
        return lastRebalance.isEmpty();
    }

    /** Days since the last rebalance; 0 if it was never rebalanced (see {@link #isNeverRebalanced()}). */
    public int getDaysSinceLastRebalance() {
        return lastRebalance.map(d -> (int) ChronoUnit.DAYS.between(d, asOf)).orElse(0);
    }

    public String getLastRebalance() {
        return lastRebalance.map(LocalDate::toString).orElse("never");
    }

    /** Days until the last day of the calendar quarter (0 on the quarter's last day). */
    public int getDaysToQuarterEnd() {
        LocalDate quarterStart = asOf.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
        return (int) ChronoUnit.DAYS.between(asOf, quarterEnd);
    }

    public BigDecimal getVix() {
        return vix;
    }

    /** Total of distributions scheduled from today through the next {@code days} days, as a positive amount. */
    public BigDecimal distributionsWithinDays(int days) {
        LocalDate end = asOf.plusDays(days);
        return cashFlows.stream().filter(CashFlow::isDistribution)
                .filter(f -> !f.date().isBefore(asOf) && !f.date().isAfter(end))
                .map(f -> f.amount().negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Total of contributions received in the last {@code days} days (up to today). */
    public BigDecimal contributionsInLastDays(int days) {
        LocalDate start = asOf.minusDays(days);
        return cashFlows.stream().filter(CashFlow::isContribution)
                .filter(f -> !f.date().isBefore(start) && !f.date().isAfter(asOf))
                .map(CashFlow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The next scheduled distribution's amount (positive), or 0. */
    public BigDecimal getNextDistributionAmount() {
        return nextDistribution().map(f -> f.amount().negate()).orElse(BigDecimal.ZERO);
    }

    public String getNextDistributionDate() {
        return nextDistribution().map(f -> f.date().toString()).orElse("none");
    }

    private Optional<CashFlow> nextDistribution() {
        return cashFlows.stream().filter(CashFlow::isDistribution).filter(f -> !f.date().isBefore(asOf))
                .min((a, b) -> a.date().compareTo(b.date()));
    }

    /** The largest drift of any class, in points. */
    public BigDecimal getMaxAbsoluteDrift() {
        return drift.largestAbsoluteDrift().map(a -> a.absoluteDriftPts().abs()).orElse(BigDecimal.ZERO);
    }

    /** The largest drift of any class relative to its target, in percent. */
    public BigDecimal getMaxRelativeDrift() {
        return drift.largestRelativeDrift().flatMap(AllocationDrift::relativeDriftPct).map(BigDecimal::abs)
                .orElse(BigDecimal.ZERO);
    }

    /** The class furthest from target in points. */
    public String getWorstClass() {
        return drift.largestAbsoluteDrift().map(a -> a.assetClass().code()).orElse("none");
    }

    public int getClassesOutsideBand() {
        return drift.outOfBand().size();
    }

    PortfolioDrift drift() {
        return drift;
    }

    @Override
    public String toString() {
        return "PortfolioState[" + getScope() + "]";
    }
}
