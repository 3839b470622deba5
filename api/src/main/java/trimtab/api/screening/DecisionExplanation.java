package trimtab.api.screening;

import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.explain.ViolationView;

import java.util.List;

/**
 * One screening decision explained for an advisor: the order as received, the verdict in a sentence, each
 * violation as a sentence with its numbers and the workbook, sheet, row and rule id that decided, the rule set
 * (version and checksum), the facts the snapshot showed, when and for whom it was decided, and where it is in the
 * audit trail.
 *
 * @param line      the order's place in its request, from 1 ({@code path} gives it as a JSON path)
 * @param summary   the verdict in words, e.g. "Order O-2 (BUY 10 MO in account ACC-1002-TX) is blocked: it must not be routed."
 * @param reasons   each violation's sentence prefixed with its severity, most severe first
 * @param ruleSets  every rule set in force at the time, as recorded in the audit entry
 * @param auditSeq  the sequence number of the decision's ORDER_DECISION audit entry
 */
@Serdeable
public record DecisionExplanation(String decisionId, String requestId, int line, String path, String orderId, OrderInput order,
                                  String verdict, String summary, List<String> reasons, List<ViolationView> violations,
                                  RuleSetView ruleSet, String ruleSets, SeenFacts factsSeen, String inputHash,
                                  String decidedAt, String requestedBy, String idempotencyKey, long auditSeq) {
}
