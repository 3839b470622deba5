package trimtab.engine.guardrail;

import java.util.Comparator;
import java.util.List;

/** The screening outcome of one order: its verdict and every violation, most severe first. */
public record OrderVerdict(String orderId, Verdict verdict, List<Violation> violations) {
    public OrderVerdict {
        violations = violations.stream()
                .sorted(Comparator.comparing(Violation::severity).thenComparing(Violation::ruleId)).toList();
    }
}
