package trimtab.api.explain;

import io.micronaut.serde.annotation.Serdeable;
import trimtab.engine.guardrail.Violation;

/** One guardrail row an order or trade breaks: its severity and why. */
@Serdeable
public record ViolationView(String ruleId, String severity, ExplanationView explanation) {
    public static ViolationView of(Violation violation) {
        return new ViolationView(violation.ruleId(), violation.severity().name(), ExplanationView.of(violation.explanation()));
    }
}
