package trimtab.engine.book;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A target allocation by asset class; its targets sum to 100 %. */
public record ModelPortfolio(ModelId id, String name, List<ModelTarget> targets) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Targets are entered with at most two decimals; allow their rounding. */
    private static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.01");

    public ModelPortfolio {
        Objects.requireNonNull(id, "model id");
        name = name == null ? id.value() : name;
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new InvalidBookException("model " + id + " has no targets");
        }
        Set<AssetClass> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (ModelTarget target : targets) {
            if (!seen.add(target.assetClass())) {
                throw new InvalidBookException("model " + id + ": asset class " + target.assetClass() + " appears twice");
            }
            sum = sum.add(target.targetPct());
        }
        if (sum.subtract(HUNDRED).abs().compareTo(SUM_TOLERANCE) > 0) {
            throw new InvalidBookException("model " + id + ": targets sum to " + sum.toPlainString() + " %, not 100 %");
        }
    }

    public Optional<ModelTarget> target(AssetClass assetClass) {
        return targets.stream().filter(t -> t.assetClass().equals(assetClass)).findFirst();
    }
}
