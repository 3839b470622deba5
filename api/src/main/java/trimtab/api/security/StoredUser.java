package trimtab.api.security;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A user as stored, password hash included: never leaves the security package. */
record StoredUser(String username, String displayName, UserKind kind, String passwordHash, Set<Role> roles,
                  @Nullable String advisorId, boolean enabled, int failedLogins, @Nullable Instant lockedUntil,
                  int tokenGeneration, Instant createdAt, String createdBy, Instant changedAt) {

    /** A new, enabled user with no failed logins, at token generation 1. */
    static StoredUser created(String username, String displayName, UserKind kind, String passwordHash, Set<Role> roles,
                              @Nullable String advisorId, String createdBy, Instant now) {
        return new StoredUser(username, displayName, kind, passwordHash, roles, advisorId, true, 0, null, 1, now, createdBy, now);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The same user after a login attempt: the failure count and lock-out (not a change of the user, so changedAt stays). */
    StoredUser withLoginState(int failures, @Nullable Instant locked) {
        return new StoredUser(username, displayName, kind, passwordHash, roles, advisorId, enabled, failures, locked, tokenGeneration,
                createdAt, createdBy, changedAt);
    }

    /** The user with other rights; a change of roles, advisor or enabled flag ends the tokens issued before it. */
    StoredUser withRights(String newDisplayName, Set<Role> newRoles, @Nullable String newAdvisorId, boolean newEnabled, Instant now) {
        boolean rightsChanged = !newRoles.equals(roles) || newEnabled != enabled || !Objects.equals(newAdvisorId, advisorId);
        return new StoredUser(username, newDisplayName, kind, passwordHash, newRoles, newAdvisorId, newEnabled, failedLogins, lockedUntil,
                tokenGeneration + (rightsChanged ? 1 : 0), createdAt, createdBy, now);
    }

    /** The user with a new password: failures and lock-out cleared, earlier tokens ended. */
    StoredUser withPassword(String newHash, Instant now) {
        return new StoredUser(username, displayName, kind, newHash, roles, advisorId, enabled, 0, null, tokenGeneration + 1,
                createdAt, createdBy, now);
    }
}
