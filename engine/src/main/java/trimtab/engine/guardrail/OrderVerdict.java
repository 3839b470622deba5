package trimtab.engine.guardrail;

import java.util.Comparator;
import java.util.List;

/** The screening outcome of one order: its verdict and every violation, most severe first. */
public record OrderVerdict(String orderId, Verdict verdict, List<Violation> violations) {
    private static final Comparator<Violation> MOST_SEVERE_FIRST = Comparator.comparing(Violation::severity)
            .thenComparing(Violation::ruleId);

    public OrderVerdict {
        // most orders have no violation: no stream to sort nothing
        violations = violations.size() < 2 ? List.copyOf(violations) : violations.stream().sorted(MOST_SEVERE_FIRST).toList();
    }
}
