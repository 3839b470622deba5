package trimtab.api.approval;

import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.run.StoredTrade;

import java.time.Instant;

/** A recorded decision on a trade, with the sequence number of its audit entry. */
@Serdeable
public record ApprovalView(String tradeId, String decision, String reason, String decidedBy, Instant decidedAt, long auditSeq) {
    static ApprovalView of(String tradeId, StoredTrade.Approval approval) {
        return new ApprovalView(tradeId, approval.decision(), approval.reason(), approval.actor(), approval.decidedAt(), approval.auditSeq());
    }
}
