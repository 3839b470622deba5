package trimtab.api.screening;

import io.micronaut.core.annotation.Nullable;
import trimtab.api.audit.AuditRecord;
import trimtab.engine.rules.RuleSetVersion;

import java.time.Instant;
import java.util.List;

/**
 * Everything one screening request writes, built before the write transaction opens: the request row with its
 * response bytes, a row per decision, and the audit records (the request's first, then one per decision, in
 * line order).
 *
 * @param screenedOn the versions of the kept book it was screened on, which the write checks are still the book's;
 *                   null when its snapshot was read in a transaction of its own after it arrived (fresh as it is)
 */
record RecordedScreening(String requestId, String clientId, String idempotencyKey, String requestHash, Instant receivedAt,
                         Instant decidedAt, RuleSetVersion ruleSet, byte[] response, AuditRecord requestAudit,
                         List<Decision> decisions, @Nullable KeptBook.Versions screenedOn) {

    /** One order's decision as its row and audit record. */
    record Decision(int line, OrderInput order, String householdId, String verdict,
                    AuditRecord audit) {
    }

    List<AuditRecord> auditRecords() {
        List<AuditRecord> records = new java.util.ArrayList<>(decisions.size() + 1);
        records.add(requestAudit);
        decisions.forEach(d -> records.add(d.audit()));
        return records;
    }
}
