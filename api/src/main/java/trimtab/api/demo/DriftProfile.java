package trimtab.api.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;

/**
 * How far a portfolio has wandered from its model, and why. Households within their bands are made with a
 * little noise (at most 2.5 pts and a tenth of any target, so that neither the 5-point nor the 25 % band is
 * crossed); the others have one believable reason to be outside them, large enough (5.5 pts or more) that
 * share rounding cannot bring them back inside.
 */
enum DriftProfile {
    /** rebalanced not long ago: every class inside both bands */
    IN_BAND(0.40),
    /** a rally left the largest equity class well above its target, bonds below */
    EQUITY_OVERWEIGHT(0.20),
    /** a fall (or a cautious advisor) left the largest equity class well below target */
    EQUITY_UNDERWEIGHT(0.10),
    /** money came in and was not invested */
    CASH_HEAVY(0.10),
    /** a transferred-in or employer stock position the model does not hold */
    LEGACY_CONCENTRATION(0.12),
    /** the smallest equity class was never bought */
    MISSING_CLASS(0.08);

    private static final double MAX_NOISE_PTS = 0.025;
    private static final double MAX_NOISE_SHARE = 0.10;
    private static final double MAX_IN_BAND_LEGACY = 0.03;

    private final double share;

    DriftProfile(double share) {
        this.share = share;
    }

    static DriftProfile draw(RandomDraws draws) {
        DriftProfile[] all = values();
        double[] weights = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            weights[i] = all[i].share;
        }
        return all[draws.weightedIndex(weights)];
    }

    /** @param minimumLegacy the least the legacy holdings must weigh (stocks the household is known to hold) */
    Allocation allocate(ModelPortfolio model, SecurityUniverse universe, RandomDraws draws, double minimumLegacy) {
        Map<AssetClass, Double> weights = new LinkedHashMap<>();
        for (ModelTarget target : model.targets()) {
            double t = target.targetPct().doubleValue() / 100;
            double noise = t == 0 ? 0 : Math.min(MAX_NOISE_SHARE, MAX_NOISE_PTS / t);
            weights.put(target.assetClass(), t * (1 + draws.uniform(-noise, noise)));
        }
        double legacy = draws.chance(0.6) ? draws.uniform(0, MAX_IN_BAND_LEGACY) : 0;
        if (this == LEGACY_CONCENTRATION) {
            legacy = draws.uniform(0.06, 0.20);
        }
        legacy = Math.max(legacy, minimumLegacy);
        scaleTo(weights, 1 - legacy);
        AssetClass largestEquity = largest(model, universe, true);
        double largestTarget = largestEquity == null ? 0 : model.target(largestEquity).orElseThrow().targetPct().doubleValue() / 100;
        switch (this) {
            case IN_BAND, LEGACY_CONCENTRATION -> {
            }
            case EQUITY_OVERWEIGHT -> moveTo(weights, largestEquity, largestTarget + draws.uniform(0.055, 0.11), universe);
            // at least 9 pts under, so that an IPS cap 5.5 pts under target is not yet reached
            case EQUITY_UNDERWEIGHT -> moveTo(weights, largestEquity, largestTarget - draws.uniform(0.09, 0.12), universe);
            case CASH_HEAVY -> {
                double extra = draws.uniform(0.04, 0.12);
                weights.merge(AssetClass.CASH, extra, Double::sum);
                double others = 1 - legacy - weights.getOrDefault(AssetClass.CASH, 0.0);
                Map<AssetClass, Double> rest = new LinkedHashMap<>(weights);
                rest.remove(AssetClass.CASH);
                scaleTo(rest, others);
                weights.putAll(rest);
            }
            case MISSING_CLASS -> {
                AssetClass smallest = largest(model, universe, false);
                if (smallest != null && largestEquity != null && !smallest.equals(largestEquity)) {
                    weights.merge(largestEquity, weights.put(smallest, 0.0), Double::sum);
                }
            }
        }
        return new Allocation(weights, legacy);
    }

    /**
     * Sets the class to {@code weight} (a fraction of the portfolio), its noise included, so that the drift is exactly
     * the one drawn; the difference comes from (or goes to) the fixed income classes in proportion to their weights,
     * or every other class when the model has no bonds.
     */
    private static void moveTo(Map<AssetClass, Double> weights, AssetClass into, double weight, SecurityUniverse universe) {
        if (into == null) {
            return;
        }
        double taken = Math.max(0, weight) - weights.get(into);
        double fixedIncome = weights.entrySet().stream().filter(e -> universe.isFixedIncome(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        boolean fromBonds = fixedIncome > taken;
        double pool = fromBonds ? fixedIncome : weights.entrySet().stream().filter(e -> !e.getKey().equals(into))
                .mapToDouble(Map.Entry::getValue).sum();
        for (Map.Entry<AssetClass, Double> e : weights.entrySet()) {
            boolean source = fromBonds ? universe.isFixedIncome(e.getKey()) : !e.getKey().equals(into);
            if (source && pool > 0) {
                e.setValue(Math.max(0, e.getValue() - taken * e.getValue() / pool));
            }
        }
        weights.merge(into, taken, Double::sum);
    }

    /** The equity class with the largest (or, for {@code largest == false}, the smallest non-zero) target. */
    private static AssetClass largest(ModelPortfolio model, SecurityUniverse universe, boolean largest) {
        ModelTarget best = null;
        for (ModelTarget target : model.targets()) {
            if (target.assetClass().isCash() || universe.isFixedIncome(target.assetClass()) || target.targetPct().signum() == 0) {
                continue;
            }
            if (best == null || (largest ? target.targetPct().compareTo(best.targetPct()) > 0
                    : target.targetPct().compareTo(best.targetPct()) < 0)) {
                best = target;
            }
        }
        return best == null ? null : best.assetClass();
    }

    private static void scaleTo(Map<AssetClass, Double> weights, double total) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 0) {
            weights.replaceAll((c, w) -> w * total / sum);
        }
    }
}
