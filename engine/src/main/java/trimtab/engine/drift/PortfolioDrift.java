package trimtab.engine.drift;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.ModelId;

/**
 * The drift of every asset class of one portfolio against its model, plus the totals. A portfolio
 * without a model has a value but no allocations: calendar, cash-flow and market triggers still apply.
 */
public record PortfolioDrift(PortfolioScope scope, Optional<ModelId> model, BigDecimal totalValue,
                             List<AllocationDrift> allocations) {

    public PortfolioDrift {
        allocations = List.copyOf(allocations);
    }

    public static PortfolioDrift unmodelled(PortfolioScope scope, BigDecimal totalValue) {
        return new PortfolioDrift(scope, Optional.empty(), totalValue, List.of());
    }

    /** A portfolio worth nothing has no allocation to drift from. */
    public boolean isEmpty() {
        return totalValue.signum() == 0;
    }

    public Optional<AllocationDrift> allocation(AssetClass assetClass) {
        return allocations.stream().filter(a -> a.assetClass().equals(assetClass)).findFirst();
    }

    /** The class furthest from its target in percentage points (ties: the first in model order). */
    public Optional<AllocationDrift> largestAbsoluteDrift() {
        return allocations.stream().max(Comparator.comparing(a -> a.absoluteDriftPts().abs()));
    }

    /** The class furthest from its target relative to the target. */
    public Optional<AllocationDrift> largestRelativeDrift() {
        return allocations.stream().filter(a -> a.relativeDriftPct().isPresent())
                .max(Comparator.comparing(a -> a.relativeDriftPct().orElseThrow().abs()));
    }

    public List<AllocationDrift> outOfBand() {
        return allocations.stream().filter(AllocationDrift::isOutOfBand).toList();
    }
}
