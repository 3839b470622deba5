package trimtab.api.screening;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.bookstore.HouseholdAdvisors;
import trimtab.api.database.AsciiKeys;
import trimtab.api.database.Transactions;
import trimtab.api.security.Caller;
import trimtab.api.security.Role;
import trimtab.api.explain.ViolationView;
import trimtab.api.web.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reading back what screening recorded: a stored answer, and one decision explained. */
@Singleton
final class ScreeningRecords {
    private final Transactions transactions;
    private final ScreeningStore store;
    private final HouseholdAdvisors advisors;
    private final JsonMapper json;

    ScreeningRecords(Transactions transactions, ScreeningStore store, HouseholdAdvisors advisors, JsonMapper json) {
        this.transactions = transactions;
        this.store = store;
        this.advisors = advisors;
        this.json = json;
    }

    /**
     * Whether the caller may read a screening or decision: compliance reads all; the order system what it sent
     * itself; an advisor the decisions on their own households' accounts. Anything else is answered as unknown.
     */
    private boolean readable(ScreeningStore.Ownership owner, Caller caller) {
        return caller.has(Role.COMPLIANCE_OFFICER)
                || (caller.has(Role.ORDER_SYSTEM) && owner.clientId().equals(caller.username()))
                || (owner.householdId() != null && caller.has(Role.ADVISOR) && advisors.visible(caller.households(), owner.householdId()));
    }

    /** The response bytes stored for a request, exactly as first sent. */
    byte[] response(String requestId, Caller caller) {
        if (!AsciiKeys.couldBeOne(requestId)) {
            throw ApiException.notFound("Screening request " + requestId);
        }
        return transactions.read(c -> store.requestOwner(c, requestId).filter(owner -> readable(owner, caller)).isPresent()
                        ? store.response(c, requestId) : Optional.<byte[]>empty())
                .orElseThrow(() -> ApiException.notFound("Screening request " + requestId));
    }

    DecisionExplanation explain(String decisionId, Caller caller) {
        ScreeningStore.DecisionRow row = DecisionId.parse(decisionId)
                .flatMap(id -> transactions.read(c -> store.decisionOwner(c, id).filter(owner -> readable(owner, caller))
                        .isPresent() ? store.decision(c, id) : Optional.<ScreeningStore.DecisionRow>empty()))
                .orElseThrow(() -> ApiException.notFound("Decision " + decisionId));
        // the order and the facts as the audit entry holds them; the violations as the order system was told them
        AuditedDecision audited = read(row.auditPayload().getBytes(StandardCharsets.UTF_8), AuditedDecision.class);
        List<ViolationView> violations = read(row.response(), ScreeningResponse.class).verdicts().get(row.line() - 1).violations();
        List<String> reasons = violations.stream().map(v -> v.severity() + ": " + v.explanation().sentence()).toList();
        RuleSetView ruleSet = new RuleSetView("GUARDRAILS", row.ruleSetVersion(), row.ruleSetChecksum());
        return new DecisionExplanation(row.decisionId(), row.requestId(), row.line(), "$.orders[" + (row.line() - 1) + "]",
                row.orderId(), audited.order(), row.verdict(), summary(audited.order(), row.verdict(), violations), reasons,
                violations, ruleSet, row.ruleSets(), audited.facts(), row.inputHash(), row.decidedAt().toString(),
                row.clientId(), row.idempotencyKey(), row.auditSeq());
    }

    /** The verdict in one sentence, e.g. "Order O-2 (BUY 10 MO in account ACC-1002-TX) is blocked: it must not be routed." */
    static String summary(OrderInput order, String verdict, List<ViolationView> violations) {
        String what = "Order " + order.orderId() + " (" + shown(order.side()) + " " + shown(order.quantity()) + " "
                + shown(order.symbol()) + " in account " + shown(order.accountId())
                + (order.limitPrice() == null ? "" : ", limit " + order.limitPrice()) + ")";
        int n = violations.size();
        String rows = n + (n == 1 ? " guardrail row" : " guardrail rows");
        return switch (verdict) {
            case "PASS" -> what + " passed every guardrail row: it may be routed.";
            case "WARN" -> what + " may be routed; " + rows + " warned, and the warning is recorded.";
            case "REQUIRE_APPROVAL" -> what + " needs a person's approval before it is routed: " + rows + " asked for it.";
            case "BLOCK" -> what + " is blocked: it must not be routed (" + rows + " broken).";
            default -> what + ": " + verdict + ".";
        };
    }

    private static String shown(String value) {
        return value == null || value.isBlank() ? "(none)" : value.strip();
    }

    private <T> T read(byte[] stored, Class<T> type) {
        try {
            return json.readValue(stored, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " cannot be read back", e);
        }
    }
}
