package trimtab.engine.guardrail;

import trimtab.engine.rules.Explanation;

/** One guardrail row an order breaks, with why in words and where the row is. */
public record Violation(String ruleId, Severity severity, Explanation explanation) {
    public String message() {
        return explanation.message();
    }
}
