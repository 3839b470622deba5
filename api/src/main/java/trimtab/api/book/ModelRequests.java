package trimtab.api.book;

import trimtab.engine.book.AssetClass;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Symbol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks models sent by a client and turns them into the engine's records, with the checks a book snapshot makes
 * of a model (targets summing to 100 %, known securities, substitutes outside the primary's wash-sale group) done
 * here where the JSON path of the offending target is known.
 */
final class ModelRequests {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.01");

    private ModelRequests() {
    }

    static List<ModelPortfolio> models(List<ModelJson> items, Map<String, String> washSaleGroups, RequestErrors errors) {
        List<ModelPortfolio> models = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonPath path = JsonPath.ROOT.index(i);
            ModelJson m = items.get(i);
            if (m == null) {
                errors.add(path, "must be a model, not null");
                continue;
            }
            int before = errors.count();
            String id = errors.id(m.modelId(), path.field("modelId"), 40, true);
            if (id != null) {
                JsonPath first = seen.putIfAbsent(StoredBook.key(id), path);
                if (first != null) {
                    errors.add(path.field("modelId"), "model " + id + " is also at " + first + "; send each model once");
                }
            }
            String name = errors.text(m.name(), path.field("name"), 200, false);
            List<ModelTarget> targets = targets(m.targets(), path.field("targets"), washSaleGroups, errors);
            if (errors.count() > before) {
                continue;
            }
            BigDecimal sum = targets.stream().map(ModelTarget::targetPct).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(HUNDRED).abs().compareTo(SUM_TOLERANCE) > 0) {
                errors.add(path.field("targets"), "the targets sum to " + sum.toPlainString() + " %, not 100 %");
                continue;
            }
            ModelPortfolio model = errors.build(path, () -> new ModelPortfolio(ModelId.of(id), name, targets));
            if (model != null) {
                models.add(model);
            }
        }
        return models;
    }

    private static List<ModelTarget> targets(List<TargetJson> items, JsonPath path, Map<String, String> washSaleGroups,
                                             RequestErrors errors) {
        List<ModelTarget> targets = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            errors.add(path, "a model needs at least one target");
            return targets;
        }
        Map<String, JsonPath> seen = new HashMap<>();
        for (int j = 0; j < items.size(); j++) {
            JsonPath at = path.index(j);
            TargetJson t = items.get(j);
            if (t == null) {
                errors.add(at, "must be a target, not null");
                continue;
            }
            String assetClass = errors.id(t.assetClass(), at.field("assetClass"), 40, true);
            if (assetClass != null) {
                JsonPath first = seen.putIfAbsent(AssetClass.of(assetClass).code(), at);
                if (first != null) {
                    errors.add(at.field("assetClass"), "asset class " + AssetClass.of(assetClass) + " is also at " + first);
                }
            }
            BigDecimal target = errors.amount(t.targetPct(), at.field("targetPct"), DecimalColumn.PERCENT, true, true);
            if (target != null && target.compareTo(HUNDRED) > 0) {
                errors.add(at.field("targetPct"), target.toPlainString() + " % is above 100 %");
            }
            BigDecimal absolute = errors.amount(t.absoluteBandPts(), at.field("absoluteBandPts"), DecimalColumn.PERCENT, false, true);
            BigDecimal relative = errors.amount(t.relativeBandPct(), at.field("relativeBandPct"), DecimalColumn.PERCENT, false, true);
            String primary = t.primary() == null ? null
                    : SecurityRequests.knownSymbol(t.primary(), at.field("primary"), washSaleGroups, errors);
            List<Symbol> alternates = new ArrayList<>();
            List<String> given = t.alternates() == null ? List.of() : t.alternates();
            for (int k = 0; k < given.size(); k++) {
                JsonPath altPath = at.field("alternates").index(k);
                String alternate = SecurityRequests.knownSymbol(given.get(k), altPath, washSaleGroups, errors);
                if (alternate == null) {
                    continue;
                }
                if (primary != null && washSaleGroups.get(primary).equals(washSaleGroups.get(alternate))) {
                    errors.add(altPath, "substitute " + alternate + " is in the same wash-sale group (" + washSaleGroups.get(alternate)
                            + ") as the primary " + primary + ", so it cannot replace it without a wash sale");
                } else if (alternates.contains(Symbol.of(alternate))) {
                    errors.add(altPath, alternate + " is listed twice");
                } else {
                    alternates.add(Symbol.of(alternate));
                }
            }
            int joined = alternates.stream().mapToInt(s -> s.value().length() + 1).sum();
            if (joined > 201) {
                errors.add(at.field("alternates"), "too many substitutes to store (at most 200 characters joined)");
            }
            if (assetClass != null && target != null) {
                ModelTarget built = errors.build(at, () -> new ModelTarget(AssetClass.of(assetClass), target, Optional.ofNullable(absolute),
                        Optional.ofNullable(relative), Optional.ofNullable(primary).map(Symbol::of), alternates));
                if (built != null) {
                    targets.add(built);
                }
            }
        }
        return targets;
    }
}
