package trimtab.api.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import trimtab.engine.drift.AllocationDrift;
import trimtab.engine.drift.PortfolioDrift;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The drift of one portfolio (a household sleeve or an account with its own model), classes furthest from target
 * first.
 *
 * @param scope "household H-1001" or "account ACC-7"
 * @param model the model's id, null for a portfolio without one
 */
@Serdeable
public record DriftView(String scope, @Nullable String model, BigDecimal totalValue, List<ClassDrift> classes) {

    /**
     * One asset class: weight and target in percent, drift in points (signed), its bands, and which band it is
     * outside of (NONE, ABSOLUTE, RELATIVE, BOTH).
     */
    @Serdeable
    public record ClassDrift(String assetClass, BigDecimal marketValue, BigDecimal weightPct, BigDecimal targetPct,
                             BigDecimal driftPts, @Nullable BigDecimal relativeDriftPct, @Nullable BigDecimal absoluteBandPts,
                             @Nullable BigDecimal relativeBandPct, String outsideBand) {
        static ClassDrift of(AllocationDrift a) {
            return new ClassDrift(a.assetClass().code(), a.marketValue(), a.weightPct(), a.targetPct(), a.absoluteDriftPts(),
                    a.relativeDriftPct().orElse(null), a.absoluteBandPts().orElse(null), a.relativeBandPct().orElse(null),
                    a.breach().name());
        }
    }

    static DriftView of(PortfolioDrift drift) {
        List<ClassDrift> classes = drift.allocations().stream()
                .sorted(Comparator.comparing((AllocationDrift a) -> a.absoluteDriftPts().abs()).reversed()
                        .thenComparing(a -> a.assetClass().code()))
                .map(ClassDrift::of).toList();
        return new DriftView(drift.scope().toString(), drift.model().map(Object::toString).orElse(null), drift.totalValue(), classes);
    }
}
