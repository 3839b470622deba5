package trimtab.api.audit;

import java.util.Objects;

/**
 * A record to append to the audit trail.
 *
 * @param entryType what happened: ORDER_DECISION, TRADE_DECISION, TRADE_APPROVAL, RUN_STARTED, RUN_FINISHED, ...
 * @param subject   what it is about: a decision id, trade id or run id (how the record is found again)
 * @param actor     who did it: a user, the order system's client id, or "trimtab" for the service itself
 * @param ruleSets  the rule-set versions and checksums used, as {@code RulesInForce.recorded()} writes them
 * @param inputHash SHA-256 of the inputs the decision was made on
 * @param payload   the record itself as JSON, kept verbatim
 */
public record AuditRecord(String entryType, String subject, String actor, String ruleSets, String inputHash, String payload) {
    public AuditRecord {
        Objects.requireNonNull(entryType, "entry type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(ruleSets, "rule sets");
        Objects.requireNonNull(inputHash, "input hash");
        Objects.requireNonNull(payload, "payload");
    }
}
