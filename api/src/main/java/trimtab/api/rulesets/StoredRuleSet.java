package trimtab.api.rulesets;

import trimtab.engine.rules.TableKind;

import java.time.Instant;

/** A stored rule-set version's particulars (its bytes are read separately): what, who, when and why. */
public record StoredRuleSet(TableKind kind, int version, String fileName, String sha256, int ruleCount, String uploadedBy,
                            Instant uploadedAt, String comment) {
}
