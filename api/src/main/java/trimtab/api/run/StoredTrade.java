package trimtab.api.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A proposed trade as recorded, with the latest approval decision on it, if any.
 *
 * @param verdict the verdict that counts (PASS, WARN, REQUIRE_APPROVAL, BLOCK)
 */
public record StoredTrade(String tradeId, String runId, boolean dryRun, String householdId, String accountId, String custodian,
                          String symbol, String side, BigDecimal quantity, BigDecimal price, BigDecimal notional, String purpose,
                          String verdict, int ruleSetVersion, String ruleSetChecksum, TradeExplanation explanation, long auditSeq,
                          Optional<Approval> latestApproval) {

    /** An advisor's decision on a trade that requires approval; append-only, the latest one counts. */
    public record Approval(long approvalId, String decision, String reason, String actor, Instant decidedAt, long auditSeq) {
    }

    public ApprovalState approvalState() {
        return switch (verdict) {
            case "BLOCK" -> ApprovalState.BLOCKED;
            case "REQUIRE_APPROVAL" -> latestApproval.map(a -> ApprovalState.valueOf(a.decision())).orElse(ApprovalState.PENDING);
            default -> ApprovalState.NOT_REQUIRED;
        };
    }

    /** May go to the custodian: PASS or WARN, or approved. Never a BLOCK, a rejection, a pending approval or a dry run. */
    public boolean tradable() {
        ApprovalState state = approvalState();
        return !dryRun && (state == ApprovalState.NOT_REQUIRED || state == ApprovalState.APPROVED);
    }
}
