package trimtab.engine.trigger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.rules.RuleSetVersion;

/** The trigger evaluation of a book on one date with one rule-set version. */
public record TriggerReport(LocalDate asOf, RuleSetVersion ruleSet, List<HouseholdTriggers> households) {
    public TriggerReport {
        households = List.copyOf(households);
    }

    public Optional<HouseholdTriggers> household(HouseholdId id) {
        return households.stream().filter(h -> h.household().equals(id)).findFirst();
    }
}
