package trimtab.api.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.explain.ExplanationView;
import trimtab.engine.trigger.TriggerHit;

/**
 * A trigger row that fired for a household, with why in words and where the row is.
 *
 * @param scope      what it fired on: "household H-1001", "account ACC-7"
 * @param assetClass the class of a drift row, null otherwise
 * @param lot        the tax lot of a harvest row, null otherwise
 */
@Serdeable
public record HitView(String ruleId, String action, int priority, String scope, @Nullable String assetClass, @Nullable String lot,
                      String message, ExplanationView explanation) {
    static HitView of(TriggerHit hit) {
        return new HitView(hit.ruleId(), hit.action().name(), hit.priority(), hit.scope(), hit.assetClass().orElse(null),
                hit.lot().orElse(null), hit.explanation().message(), ExplanationView.of(hit.explanation()));
    }
}
