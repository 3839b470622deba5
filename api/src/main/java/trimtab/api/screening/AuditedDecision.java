package trimtab.api.screening;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The payload of an ORDER_DECISION audit entry: enough to see what was decided without the decision tables, and
 * the facts its input hash covers.
 *
 * @param violations each as "SEVERITY RULE-ID (workbook, sheet, row)"
 */
@Serdeable
record AuditedDecision(String decisionId, String requestId, int line, OrderInput order, String verdict,
                       List<String> violations, SeenFacts facts) {
}
