package trimtab.engine.drift;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trimtab.engine.book.Account;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.SecurityMaster;

/**
 * Measures drift per asset class against a model. Weights and drifts keep six decimals so that band
 * tests are exact at the edge (a drift of 5.000000 pts is inside a ±5 band); present them rounded.
 */
public final class DriftCalculator {
    /** Decimals kept for weights and drifts in percent. */
    public static final int PERCENT_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PortfolioValuer valuer;

    public DriftCalculator(SecurityMaster securities) {
        this.valuer = new PortfolioValuer(securities);
    }

    /**
     * The household sleeve's drift against the household model followed by the drift of each account
     * with an account-level model. A sleeve without a household model is valued but has no allocations.
     */
    public List<PortfolioDrift> driftsOf(Household household, BookSnapshot book) {
        List<PortfolioDrift> drifts = new ArrayList<>();
        List<Account> sleeve = household.householdSleeve();
        if (!sleeve.isEmpty()) {
            PortfolioScope scope = PortfolioScope.ofHousehold(household.id());
            drifts.add(household.model().map(modelId -> drift(scope, sleeve, book.model(modelId)))
                    .orElseGet(() -> PortfolioDrift.unmodelled(scope, total(valuer.valueByAssetClass(sleeve)))));
        }
        for (Account account : household.accounts()) {
            account.model().ifPresent(modelId -> drifts.add(
                    drift(PortfolioScope.ofAccount(household.id(), account.id()), List.of(account), book.model(modelId))));
        }
        return drifts;
    }

    /** Drift of the given accounts, taken together, against one model. */
    public PortfolioDrift drift(PortfolioScope scope, List<Account> accounts, ModelPortfolio model) {
        Map<AssetClass, BigDecimal> values = valuer.valueByAssetClass(accounts);
        BigDecimal total = total(values);

        // Model classes first, in model order, then anything held that the model does not name.
        Map<AssetClass, Optional<ModelTarget>> classes = new LinkedHashMap<>();
        model.targets().forEach(t -> classes.put(t.assetClass(), Optional.of(t)));
        values.keySet().forEach(c -> classes.putIfAbsent(c, Optional.empty()));
        Optional<BigDecimal> offModelBand = narrowestAbsoluteBand(model);

        List<AllocationDrift> allocations = new ArrayList<>();
        classes.forEach((assetClass, target) -> {
            BigDecimal value = values.getOrDefault(assetClass, BigDecimal.ZERO);
            allocations.add(allocation(assetClass, value, total, target, offModelBand));
        });
        return new PortfolioDrift(scope, Optional.of(model.id()), total, allocations);
    }

    private static BigDecimal total(Map<AssetClass, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static AllocationDrift allocation(AssetClass assetClass, BigDecimal value, BigDecimal total,
                                              Optional<ModelTarget> target, Optional<BigDecimal> offModelBand) {
        BigDecimal targetPct = target.map(ModelTarget::targetPct).orElse(BigDecimal.ZERO)
                .setScale(PERCENT_SCALE, RoundingMode.UNNECESSARY);
        BigDecimal weight = total.signum() == 0 ? BigDecimal.ZERO.setScale(PERCENT_SCALE)
                : value.multiply(HUNDRED).divide(total, PERCENT_SCALE, RoundingMode.HALF_EVEN);
        // An empty portfolio has nothing to rebalance: it is not "100 pts under target".
        BigDecimal absolute = total.signum() == 0 ? BigDecimal.ZERO.setScale(PERCENT_SCALE) : weight.subtract(targetPct);
        Optional<BigDecimal> relative = targetPct.signum() == 0 ? Optional.empty()
                : Optional.of(absolute.multiply(HUNDRED).divide(targetPct, PERCENT_SCALE, RoundingMode.HALF_EVEN));

        // A class the model does not name is judged by the model's narrowest absolute band, so that a
        // stray 20 % position is flagged rather than ignored.
        Optional<BigDecimal> absoluteBand = target.isPresent() ? target.get().absoluteBandPts() : offModelBand;
        Optional<BigDecimal> relativeBand = target.flatMap(ModelTarget::relativeBandPct);
        boolean absoluteBreach = absoluteBand.map(b -> absolute.abs().compareTo(b) > 0).orElse(false);
        boolean relativeBreach = relative.isPresent()
                && relativeBand.map(b -> relative.get().abs().compareTo(b) > 0).orElse(false);
        return new AllocationDrift(assetClass, value, weight, targetPct, absolute, relative, absoluteBand, relativeBand,
                BandBreach.of(absoluteBreach, relativeBreach));
    }

    private static Optional<BigDecimal> narrowestAbsoluteBand(ModelPortfolio model) {
        return model.targets().stream().flatMap(t -> t.absoluteBandPts().stream()).min(BigDecimal::compareTo);
    }
}
