package trimtab.api.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;
import trimtab.engine.bookfile.ReferenceData;

/**
 * The reference security master and models, arranged the way the generator draws from them: funds by asset
 * class, the funds models buy, single stocks, funds of classes no model names. Everything is derived from the
 * reference data (nothing here names a ticker), and kept in the reference files' order: the security master's
 * own collections are hash-ordered, and iterating them would make the book depend on the JVM run.
 */
final class SecurityUniverse {
    private static final String FIXED_INCOME_SECTOR = "fixed_income";

    private final List<Security> securities;
    private final Map<Symbol, Security> bySymbol = new HashMap<>();
    private final SecurityMaster master;
    private final List<ModelPortfolio> modelsByRisk;
    private final Map<AssetClass, List<Security>> fundsByClass = new LinkedHashMap<>();
    private final Map<AssetClass, List<Security>> modelFundsByClass = new LinkedHashMap<>();
    private final List<AssetClass> modelClasses;
    private final List<Security> stocks = new ArrayList<>();
    private final List<Security> offModelFunds = new ArrayList<>();
    private final List<String> esgTags;
    private final Set<AssetClass> fixedIncome = new HashSet<>();

    /**
     * @param asOf the book's date: reference prices are re-dated to it, because the book is a picture of that
     *             day and a price dated earlier would be stale to the guardrails (DATA-STALE-01)
     */
    SecurityUniverse(ReferenceData reference, LocalDate asOf) {
        List<Security> repriced = new ArrayList<>();
        for (Security security : reference.securities()) {
            repriced.add(security.price() == null ? security : security.withPrice(security.price(), asOf));
        }
        this.securities = List.copyOf(repriced);
        this.master = new SecurityMaster(securities);
        securities.forEach(s -> bySymbol.put(s.symbol(), s));

        Set<AssetClass> classes = new LinkedHashSet<>();
        for (ModelPortfolio model : reference.models()) {
            for (ModelTarget target : model.targets()) {
                if (!target.assetClass().isCash()) {
                    classes.add(target.assetClass());
                }
                List<Security> funds = modelFundsByClass.computeIfAbsent(target.assetClass(), c -> new ArrayList<>());
                target.primary().map(bySymbol::get).filter(s -> s != null && !funds.contains(s)).ifPresent(funds::add);
                target.alternates().stream().map(bySymbol::get).filter(s -> s != null && !funds.contains(s)).forEach(funds::add);
            }
        }
        this.modelClasses = List.copyOf(classes);
        Set<String> tags = new LinkedHashSet<>();
        for (Security security : securities) {
            tags.addAll(security.esgTags().stream().sorted().toList());
            if (security.price() == null) {
                continue;
            }
            if (security.type() == SecurityType.STOCK) {
                stocks.add(security);
                continue;
            }
            fundsByClass.computeIfAbsent(security.assetClass(), c -> new ArrayList<>()).add(security);
            if (FIXED_INCOME_SECTOR.equals(security.sector()) && !security.assetClass().isCash()) {
                fixedIncome.add(security.assetClass());
            }
            if (!modelFundsByClass.containsKey(security.assetClass()) && !security.assetClass().isCash()) {
                offModelFunds.add(security);
            }
        }
        this.esgTags = List.copyOf(tags);
        // least equity first, so that "the cautious model" and "the growth model" can be named by position
        this.modelsByRisk = reference.models().stream()
                .sorted(Comparator.comparingDouble(this::equityPct).thenComparing(m -> m.id().value())).toList();
    }

    /** Every security, in the reference file's order. */
    List<Security> securities() {
        return securities;
    }

    SecurityMaster master() {
        return master;
    }

    Security security(Symbol symbol) {
        return bySymbol.get(symbol);
    }

    List<ModelPortfolio> modelsByRisk() {
        return modelsByRisk;
    }

    /** Non-cash asset classes some model targets, in the models' order. */
    List<AssetClass> modelClasses() {
        return modelClasses;
    }

    /** The funds models buy for a class (primaries, then alternates). */
    List<Security> modelFunds(AssetClass assetClass) {
        return modelFundsByClass.getOrDefault(assetClass, List.of());
    }

    /** Every priced fund of a class, model funds or not (an advisor's earlier picks, a transferred-in holding). */
    List<Security> funds(AssetClass assetClass) {
        return fundsByClass.getOrDefault(assetClass, List.of());
    }

    /** The fund a model holds for its cash target (a T-bill ETF), if any. */
    Optional<Security> cashFund() {
        return modelFunds(AssetClass.CASH).stream().findFirst();
    }

    List<Security> stocks() {
        return stocks;
    }

    /** Funds of asset classes no model names: the legacy holdings that show up as off-model drift. */
    List<Security> offModelFunds() {
        return offModelFunds;
    }

    /** Every ESG tag of the security master, in the order first seen. */
    List<String> esgTags() {
        return esgTags;
    }

    /** A class whose funds are in the fixed-income sector (cash excluded). */
    boolean isFixedIncome(AssetClass assetClass) {
        return fixedIncome.contains(assetClass);
    }

    /** The share of a model in classes that are neither fixed income nor cash, in percent. */
    double equityPct(ModelPortfolio model) {
        return model.targets().stream().filter(t -> !t.assetClass().isCash() && !isFixedIncome(t.assetClass()))
                .mapToDouble(t -> t.targetPct().doubleValue()).sum();
    }
}
