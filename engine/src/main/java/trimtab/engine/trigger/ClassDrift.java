package trimtab.engine.trigger;

import java.math.BigDecimal;
import trimtab.engine.drift.AllocationDrift;
import trimtab.engine.drift.PortfolioDrift;

/** Rule fact: the drift of one asset class of one portfolio (household sleeve or account). */
public final class ClassDrift {
    private final PortfolioDrift portfolio;
    private final AllocationDrift drift;

    public ClassDrift(PortfolioDrift portfolio, AllocationDrift drift) {
        this.portfolio = portfolio;
        this.drift = drift;
    }

    /** "household H-1001" or "account ACC-7". */
    public String getScope() {
        return portfolio.scope().toString();
    }

    public String getHouseholdId() {
        return portfolio.scope().household().value();
    }

    public String getModel() {
        return portfolio.model().map(Object::toString).orElse("none");
    }

    public String getAssetClass() {
        return drift.assetClass().code();
    }

    public BigDecimal getMarketValue() {
        return drift.marketValue();
    }

    /** Weight in percent of the portfolio. */
    public BigDecimal getWeight() {
        return drift.weightPct();
    }

    /** Model target in percent. */
    public BigDecimal getTarget() {
        return drift.targetPct();
    }

    /** Size of the drift in percentage points, whatever its direction. */
    public BigDecimal getAbsoluteDrift() {
        return drift.absoluteDriftPts().abs();
    }

    /** Size of the drift as a percentage of the target (0 when the target is 0). */
    public BigDecimal getRelativeDrift() {
        return drift.relativeDriftPct().map(BigDecimal::abs).orElse(BigDecimal.ZERO);
    }

    /** "above" or "below" target. */
    public String getDirection() {
        return drift.absoluteDriftPts().signum() >= 0 ? "above" : "below";
    }

    public boolean isOverweight() {
        return drift.absoluteDriftPts().signum() > 0;
    }

    /** The class's absolute band in points (0 when it has none). */
    public BigDecimal getAbsoluteBand() {
        return drift.absoluteBandPts().orElse(BigDecimal.ZERO);
    }

    /** The class's relative band in percent (0 when it has none). */
    public BigDecimal getRelativeBand() {
        return drift.relativeBandPct().orElse(BigDecimal.ZERO);
    }

    public boolean isOutsideAbsoluteBand() {
        return drift.breach() == trimtab.engine.drift.BandBreach.ABSOLUTE || drift.breach() == trimtab.engine.drift.BandBreach.BOTH;
    }

    public boolean isOutsideRelativeBand() {
        return drift.breach() == trimtab.engine.drift.BandBreach.RELATIVE || drift.breach() == trimtab.engine.drift.BandBreach.BOTH;
    }

    public boolean isOutsideBand() {
        return drift.isOutOfBand();
    }

    AllocationDrift allocation() {
        return drift;
    }

    PortfolioDrift portfolio() {
        return portfolio;
    }

    @Override
    public String toString() {
        return "ClassDrift[" + getScope() + " " + getAssetClass() + " " + drift.absoluteDriftPts().toPlainString() + " pts]";
    }
}
