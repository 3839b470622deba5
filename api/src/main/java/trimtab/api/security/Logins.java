package trimtab.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.database.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a username and password. After {@code trimtab.security.max-failed-logins} (5) wrong passwords in a row
 * the user is locked for {@code trimtab.security.lock-out} (15 minutes): during that time even the right password
 * is refused, and the lock-out is written to the audit trail. Every refusal looks the same to the caller (unknown
 * user, disabled, locked, wrong password), and takes the time of one bcrypt check, so that neither the answer
 * nor its timing tells whether a username exists.
 */
@Singleton
final class Logins {
    private static final Logger LOG = LoggerFactory.getLogger(Logins.class);

    private final Transactions transactions;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockOut;

    Logins(Transactions transactions, UserStore users, PasswordHasher hasher, AuditTrail audit,
           @Value("${trimtab.security.max-failed-logins:5}") int maxFailures,
           @Value("${trimtab.security.lock-out:15m}") Duration lockOut) {
        this.transactions = transactions;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = Clock.systemUTC();
        this.maxFailures = maxFailures;
        this.lockOut = lockOut;
    }

    AuthenticationResponse login(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String secret = password == null ? "" : password;
        return transactions.write(connection -> {
            Instant now = clock.instant();
            Optional<StoredUser> found = name.isEmpty() ? Optional.empty() : users.find(connection, name, true);
            if (found.isEmpty() || !found.get().enabled()) {
                hasher.decoyCheck(secret);
                return refused(name, found.isEmpty() ? "unknown user" : "disabled");
            }
            StoredUser user = found.get();
            if (user.lockedAt(now)) {
                hasher.decoyCheck(secret);
                return refused(name, "locked until " + user.lockedUntil());
            }
            if (!hasher.matches(secret, user.passwordHash())) {
                int failures = user.failedLogins() + 1;
                Instant lockedUntil = null;
                if (failures >= maxFailures) {
                    lockedUntil = now.plus(lockOut);
                    audit.append(connection, List.of(new AuditRecord("LOGIN_LOCKED", "user:" + name, name, "none", "none",
                            "{\"username\":\"" + name + "\",\"failedLogins\":" + failures + ",\"lockedUntil\":\"" + lockedUntil + "\"}")));
                    failures = 0;
                }
                users.update(connection, user.withLoginState(failures, lockedUntil));
                return refused(name, lockedUntil == null ? "wrong password" : "wrong password, now locked until " + lockedUntil);
            }
            if (user.failedLogins() > 0 || user.lockedUntil() != null) {
                users.update(connection, user.withLoginState(0, null));
            }
            Map<String, Object> claims = new HashMap<>();
            if (user.advisorId() != null) {
                claims.put(Caller.ADVISOR_CLAIM, user.advisorId());
            }
            claims.put(TokenGenerations.CLAIM, user.tokenGeneration());
            return AuthenticationResponse.success(user.username(),
                    user.roles().stream().map(Role::name).sorted().collect(Collectors.toList()), claims);
        });
    }

    private static AuthenticationResponse refused(String username, String why) {
        // the reason is for the operator's log only; the caller always hears the same thing
        LOG.info("login refused for '{}': {}", username, why);
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
