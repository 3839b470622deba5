package trimtab.api.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Security;
import trimtab.engine.bookfile.ReferenceData;

/**
 * What is drawn once per book, before any household: the securities and their past prices, the firm's
 * restricted list, its advisors, and which households are sure to carry each {@link Trait}.
 */
final class Firm {
    /** Households per advisor beyond the first eight: a realistic load for a large firm. */
    private static final int HOUSEHOLDS_PER_ADVISOR = 120;
    private static final int MIN_ADVISORS = 8;

    final long seed;
    final LocalDate asOf;
    final SecurityUniverse universe;
    final PriceHistory history;
    /** The stock on the restricted list (households may hold it from before), if the master has a stock. */
    final Optional<Security> restrictedStock;
    /** A fund the models buy, on the restricted list: the planner must buy its alternate. */
    final Optional<Security> restrictedFund;
    final List<Restriction> restrictedList;
    final List<AdvisorId> advisors;
    private final double[] advisorWeights;
    private final Map<Integer, Set<Trait>> forcedTraits;
    private final int householdIdWidth;
    /** The dates of the last ten years, made once: half a million lots would otherwise each compute theirs. */
    private final LocalDate[] daysBefore;

    private Firm(long seed, int households, LocalDate asOf, ReferenceData reference) {
        this.seed = seed;
        this.asOf = asOf;
        this.universe = new SecurityUniverse(reference, asOf);
        RandomDraws draws = new RandomDraws(seed);
        this.history = new PriceHistory(universe, draws);

        List<Security> plainStocks = universe.stocks().stream().filter(s -> s.esgTags().isEmpty()).toList();
        this.restrictedStock = plainStocks.isEmpty() ? Optional.empty() : Optional.of(draws.pick(plainStocks));
        List<Security> fundCandidates = restrictableFunds();
        this.restrictedFund = fundCandidates.isEmpty() ? Optional.empty() : Optional.of(draws.pick(fundCandidates));
        List<Restriction> restricted = new ArrayList<>();
        restrictedStock.ifPresent(s -> restricted.add(new Restriction(s.symbol(),
                "pending transaction: the firm advises " + s.issuer() + " (research blackout)")));
        restrictedFund.ifPresent(s -> restricted.add(new Restriction(s.symbol(),
                "under investment-committee review after its sponsor's fee change")));
        this.restrictedList = List.copyOf(restricted);

        int advisorCount = Math.max(1, Math.min(households, Math.max(MIN_ADVISORS,
                (households + HOUSEHOLDS_PER_ADVISOR - 1) / HOUSEHOLDS_PER_ADVISOR)));
        int width = Math.max(2, String.valueOf(advisorCount).length());
        List<AdvisorId> ids = new ArrayList<>();
        this.advisorWeights = new double[advisorCount];
        for (int k = 0; k < advisorCount; k++) {
            ids.add(new AdvisorId("ADV-" + zeroPadded(k + 1, width)));
            // senior advisors have more clients than those who joined recently
            advisorWeights[k] = draws.uniform(0.8, 1.2) / (1 + 0.12 * k);
        }
        this.advisors = List.copyOf(ids);

        // each trait goes to a different household (while there are enough), so that even a small book shows
        // every rule family something to act on
        this.forcedTraits = new HashMap<>();
        if (households > 0) {
            List<Integer> order = draws.shuffled(IntStream.range(0, households).boxed().toList());
            for (Trait trait : Trait.values()) {
                int host = order.get(trait.ordinal() % households);
                forcedTraits.computeIfAbsent(host, h -> EnumSet.noneOf(Trait.class)).add(trait);
            }
        }
        this.householdIdWidth = Math.max(4, String.valueOf(households).length());
        this.daysBefore = new LocalDate[(int) ChronoUnit.DAYS.between(asOf.minusYears(10), asOf) + 1];
        for (int days = 0; days < daysBefore.length; days++) {
            daysBefore[days] = asOf.minusDays(days);
        }
    }

    /** The most days before the book's date a lot may have been bought: ten years. */
    int maxDaysAgo() {
        return daysBefore.length - 1;
    }

    LocalDate daysBefore(int days) {
        return daysBefore[days];
    }

    static Firm draw(long seed, int households, LocalDate asOf, ReferenceData reference) {
        return new Firm(seed, households, asOf, reference);
    }

    Set<Trait> forcedTraits(int householdIndex) {
        return forcedTraits.getOrDefault(householdIndex, Set.of());
    }

    AdvisorId advisor(RandomDraws draws) {
        return advisors.get(draws.weightedIndex(advisorWeights));
    }

    /** HH-0001 ... (five digits from 10,000 households on). */
    String householdId(int index) {
        return "HH-" + zeroPadded(index + 1, householdIdWidth);
    }

    /**
     * Primaries of the equity classes other than the largest one: restricting the core holding of every model
     * would leave most households unable to rebalance, which is not what a fund review does.
     */
    private List<Security> restrictableFunds() {
        Map<AssetClass, Double> targetTotals = new HashMap<>();
        for (ModelPortfolio model : universe.modelsByRisk()) {
            for (ModelTarget target : model.targets()) {
                targetTotals.merge(target.assetClass(), target.targetPct().doubleValue(), Double::sum);
            }
        }
        List<AssetClass> equity = universe.modelClasses().stream().filter(c -> !universe.isFixedIncome(c)).toList();
        AssetClass core = equity.stream().max((a, b) -> Double.compare(targetTotals.get(a), targetTotals.get(b))).orElse(null);
        List<Security> funds = new ArrayList<>();
        for (AssetClass assetClass : equity) {
            List<Security> modelFunds = universe.modelFunds(assetClass);
            if (!assetClass.equals(core) && modelFunds.size() > 1) {
                funds.add(modelFunds.get(0));
            }
        }
        return funds;
    }

    static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
