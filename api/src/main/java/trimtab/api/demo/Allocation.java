package trimtab.api.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import trimtab.engine.book.AssetClass;

/**
 * What a portfolio holds, as fractions of its value: the model's classes (cash included) and the legacy
 * holdings no model names (single stocks, funds of other classes). The fractions sum to 1.
 */
record Allocation(Map<AssetClass, Double> modelClasses, double legacy) {
    Allocation {
        modelClasses = Collections.unmodifiableMap(new LinkedHashMap<>(modelClasses));
    }

    double of(AssetClass assetClass) {
        return modelClasses.getOrDefault(assetClass, 0.0);
    }
}
