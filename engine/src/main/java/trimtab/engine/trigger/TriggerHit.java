package trimtab.engine.trigger;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.rules.Explanation;

/**
 * One trigger row that fired for a household.
 *
 * @param scope      what it fired on: "household H-1001", "account ACC-7"
 * @param priority   1 is most urgent (the row's priority column)
 * @param assetClass the asset class for a drift row, if any
 * @param lot        the tax lot for a harvest row, if any
 */
public record TriggerHit(HouseholdId household, String scope, TriggerAction action, int priority, String ruleId,
                         Optional<String> assetClass, Optional<String> lot, Explanation explanation) {

    /** Most urgent first; among equal priorities the more cautious action, then rule id, so reports are stable. */
    public static final Comparator<TriggerHit> URGENCY = Comparator.comparingInt(TriggerHit::priority)
            .thenComparing(TriggerHit::action).thenComparing(TriggerHit::ruleId).thenComparing(TriggerHit::scope)
            .thenComparing(h -> h.assetClass().orElse("")).thenComparing(h -> h.lot().orElse(""));

    public TriggerHit {
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(explanation, "explanation");
    }
}
