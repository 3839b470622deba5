package trimtab.engine.trigger;

import java.util.List;
import java.util.Optional;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.drift.PortfolioDrift;

/**
 * The trigger evaluation of one household: its drift, the rows that fired (most urgent first), or the
 * reason it could not be evaluated (bad data), which never stops the other households.
 */
public record HouseholdTriggers(HouseholdId household, AdvisorId advisor, List<PortfolioDrift> drifts,
                                List<TriggerHit> hits, Optional<String> error) {

    public HouseholdTriggers {
        drifts = List.copyOf(drifts);
        hits = hits.stream().sorted(TriggerHit.URGENCY).toList();
        error = error == null ? Optional.empty() : error;
    }

    /**
     * What to do with the household: SUSPEND if any row suspends automated trading (it overrides
     * everything), otherwise the action of the most urgent hit; empty when nothing fired or the
     * household could not be evaluated (see {@link #error()}).
     */
    public Optional<TriggerAction> decision() {
        if (hits.stream().anyMatch(h -> h.action() == TriggerAction.SUSPEND)) {
            return Optional.of(TriggerAction.SUSPEND);
        }
        return hits.stream().findFirst().map(TriggerHit::action);
    }

    public boolean triggered() {
        return !hits.isEmpty();
    }
}
