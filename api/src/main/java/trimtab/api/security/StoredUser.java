package trimtab.api.security;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;

/** A user as stored, password hash included: never leaves the security package. */
record StoredUser(String username, String displayName, UserKind kind, String passwordHash, Set<Role> roles,
                  @Nullable String advisorId, boolean enabled, int failedLogins, @Nullable Instant lockedUntil,
                  int tokenGeneration, Instant createdAt, String createdBy, Instant changedAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
