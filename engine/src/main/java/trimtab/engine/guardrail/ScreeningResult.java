package trimtab.engine.guardrail;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import trimtab.engine.rules.RuleSetVersion;

/** The verdicts of one batch, in the order the orders came, with the rule set that decided them. */
public record ScreeningResult(RuleSetVersion ruleSet, LocalDate asOf, List<OrderVerdict> verdicts) {
    public ScreeningResult {
        verdicts = List.copyOf(verdicts);
    }

    public Optional<OrderVerdict> verdict(String orderId) {
        return verdicts.stream().filter(v -> v.orderId().equals(orderId)).findFirst();
    }
}
