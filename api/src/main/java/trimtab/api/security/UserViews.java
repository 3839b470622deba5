package trimtab.api.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The users API's bodies. No body going out has a password or hash in it. */
public final class UserViews {
    private UserViews() {
    }

    /** A user as an administrator sees them. */
    @Serdeable
    public record UserView(String username, String displayName, UserKind kind, List<Role> roles, @Nullable String advisorId,
                           boolean enabled, @Nullable Instant lockedUntil, Instant createdAt, String createdBy, Instant changedAt) {
        static UserView of(StoredUser user, Instant now) {
            return new UserView(user.username(), user.displayName(), user.kind(), user.roles().stream().sorted().toList(),
                    user.advisorId(), user.enabled(), user.lockedAt(now) ? user.lockedUntil() : null, user.createdAt(),
                    user.createdBy(), user.changedAt());
        }
    }

    /**
     * A new user. A SERVICE user (the order system) may leave the password out: one is generated and answered
     * once, as {@code clientSecret}.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record NewUser(String username, @Nullable String displayName, @Nullable UserKind kind, @Nullable String password,
                          List<Role> roles, @Nullable String advisorId) {
    }

    /** The user created; {@code clientSecret} only when it was generated (shown this once, never stored in clear). */
    @Serdeable
    public record CreatedUser(UserView user, @Nullable String clientSecret) {
    }

    /** A change to a user: only the fields sent change. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record UserChange(@Nullable String displayName, @Nullable List<Role> roles, @Nullable String advisorId,
                             @Nullable Boolean enabled) {
    }

    /** An administrator sets a user's password (which also lifts a lock-out). */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record PasswordReset(String password) {
    }

    /** A user changes their own password. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** Who the caller is, for pages and tools. */
    @Serdeable
    public record Me(String username, String displayName, List<Role> roles, @Nullable String advisorId) {
    }
}
