package trimtab.api.rulesets.activation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The audit entry's payload for an approval, activation or rollback: which version (and its checksum), who, why,
 * and for an activation or rollback the version it replaced.
 */
@Serdeable
record AuditedLifecycleStep(String table, String event, int version, String sha256, String actor, String reason,
                            @Nullable String uploadedBy, @Nullable Integer replacedVersion, @Nullable String replacedSha256) {
}
