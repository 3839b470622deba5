package trimtab.api.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An entry of the audit trail as stored: the record, its place in the chain, and its hash. */
@Serdeable
public record AuditEntry(long seq, String entryType, String subject, String actor, String ruleSets, String inputHash,
                         String payload, Instant recordedAt, String prevHash, String entryHash) {
}
