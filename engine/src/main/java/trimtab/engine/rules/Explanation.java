package trimtab.engine.rules;

import java.util.Map;

/**
 * Why a rule fired, for the person who has to act on it: the rule set and row that decided, the row's
 * description filled with the values the rule saw, and those facts themselves.
 *
 * @param facts the matched facts by their binding in the row's pattern ({@code $d}), each as its property values
 */
public record Explanation(RuleSetVersion ruleSet, RuleRef rule, String message, Map<String, Map<String, Object>> facts) {

    public Explanation {
        facts = Map.copyOf(facts);
    }

    /** The message followed by where it came from, e.g. "... (Triggers row 14, rule DRIFT-ABS-01)". */
    public String sentence() {
        return message + " (" + rule.workbook() + ", sheet " + rule.sheet() + ", row " + rule.row()
                + ", rule " + rule.ruleId() + ", " + ruleSet.kind() + " v" + ruleSet.version() + ")";
    }
}
