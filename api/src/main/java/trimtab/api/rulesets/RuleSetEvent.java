package trimtab.api.rulesets;

import trimtab.engine.rules.TableKind;

import java.time.Instant;

/** One step in a version's life: approved, activated or rolled back to, by whom, when and why. */
public record RuleSetEvent(long eventId, TableKind kind, int version, RuleSetEventType type, String actor, Instant occurredAt,
                           String reason, long auditSeq) {
}
