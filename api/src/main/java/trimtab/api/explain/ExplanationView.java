package trimtab.api.explain;

import io.micronaut.serde.annotation.Serdeable;
import trimtab.engine.rules.Explanation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a rule fired, as the service shows it to an advisor or the order system: the sentence with the actual
 * values, where the rule is (workbook, sheet, row, rule id), the rule-set version and checksum that decided,
 * and the facts the rule saw, as text.
 *
 * @param sentence the message followed by its source, e.g. "... (guardrails.drl.xlsx, sheet Concentration, row 9,
 *                 rule CONC-01, GUARDRAILS v1)"
 * @param facts    the matched facts by their binding in the row, each as property name to value (sorted, so the
 *                 stored JSON is stable)
 */
@Serdeable
public record ExplanationView(String ruleId, String message, String sentence, String workbook, String sheet, int row,
                              String table, int ruleSetVersion, String ruleSetChecksum,
                              Map<String, Map<String, String>> facts) {

    public static ExplanationView of(Explanation explanation) {
        Map<String, Map<String, String>> facts = new TreeMap<>();
        explanation.facts().forEach((binding, properties) -> {
            Map<String, String> values = new TreeMap<>();
            properties.forEach((name, value) -> values.put(name, text(value)));
            facts.put(binding, values);
        });
        return new ExplanationView(explanation.rule().ruleId(), explanation.message(), explanation.sentence(),
                explanation.rule().workbook(), explanation.rule().sheet(), explanation.rule().row(),
                explanation.ruleSet().kind().name(), explanation.ruleSet().version(), explanation.ruleSet().checksum(), facts);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
