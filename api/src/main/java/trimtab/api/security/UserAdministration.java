package trimtab.api.security;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.database.SqlFailures;
import trimtab.api.database.Transactions;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creating and changing users, each change in one transaction with its audit entry (never with a password in
 * it). Any change that alters what a user may do (roles, advisor, enabled, password) raises their token
 * generation, so tokens issued before it stop working.
 */
@Singleton
public final class UserAdministration {
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,39}");
    /** Names the service itself writes in the audit trail; no user may take them. */
    private static final Set<String> RESERVED = Set.of(Actor.SERVICE.name(), "anonymous", "system", "root");

    private final Transactions transactions;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final TokenGenerations generations;
    private final Logins logins;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    UserAdministration(Transactions transactions, UserStore users, PasswordHasher hasher, AuditTrail audit,
                       TokenGenerations generations, Logins logins, JsonMapper json) {
        this.transactions = transactions;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.generations = generations;
        this.logins = logins;
        this.json = json;
    }

    public List<UserViews.UserView> list() {
        Instant now = clock.instant();
        return transactions.read(users::all).stream().map(u -> UserViews.UserView.of(u, now)).toList();
    }

    public UserViews.UserView get(String username) {
        return UserViews.UserView.of(transactions.read(c -> users.find(c, username, false))
                .orElseThrow(() -> ApiException.notFound("user " + username)), clock.instant());
    }

    public UserViews.Me me(Caller caller) {
        StoredUser user = transactions.read(c -> users.find(c, caller.username(), false))
                .orElseThrow(() -> ApiException.notFound("user " + caller.username()));
        return new UserViews.Me(user.username(), user.displayName(), user.roles().stream().sorted().toList(), user.advisorId());
    }

    public UserViews.CreatedUser create(UserViews.NewUser request, Actor actor) {
        UserKind kind = request.kind() == null ? UserKind.PERSON : request.kind();
        String username = request.username() == null ? "" : request.username().strip();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new Problem.FieldError("$.username", "a username is 3 to 40 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter"));
        } else if (RESERVED.contains(username)) {
            errors.add(new Problem.FieldError("$.username", "'" + username + "' is reserved for the service itself"));
        }
        Set<Role> roles = roles(request.roles(), kind, request.advisorId(), errors);
        String secret = request.password();
        boolean generated = false;
        if (secret == null && kind == UserKind.SERVICE) {
            secret = generatedSecret();
            generated = true;
        } else {
            errors.addAll(PasswordPolicy.check("$.password", secret));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("the user cannot be created as sent", errors);
        }
        Instant now = clock.instant();
        String displayName = request.displayName() == null || request.displayName().isBlank() ? username : request.displayName().strip();
        StoredUser user = StoredUser.created(username, displayName, kind, hasher.hash(secret), roles, blankToNull(request.advisorId()),
                actor.name(), now);
        try {
            transactions.write(connection -> {
                // the primary key decides between two creations of one name (a locking read first would deadlock them)
                users.insert(connection, user);
                record(connection, "USER_CREATED", user, actor, Map.of());
                return null;
            });
        } catch (RuntimeException e) {
            if (SqlFailures.isDuplicateKey(e)) {
                throw ApiException.conflict("user " + username + " already exists (usernames are never reused)");
            }
            throw e;
        }
        generations.refresh();
        return new UserViews.CreatedUser(UserViews.UserView.of(user, now), generated ? secret : null);
    }

    public UserViews.UserView change(String username, UserViews.UserChange change, Actor actor) {
        StoredUser changed = transactions.write(connection -> {
            StoredUser user = users.find(connection, username, true).orElseThrow(() -> ApiException.notFound("user " + username));
            List<Problem.FieldError> errors = new ArrayList<>();
            String advisorId = change.advisorId() == null ? user.advisorId() : blankToNull(change.advisorId());
            Set<Role> roles = roles(change.roles() == null ? List.copyOf(user.roles()) : change.roles(), user.kind(), advisorId, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid("the change cannot be made as sent", errors);
            }
            boolean enabled = change.enabled() == null ? user.enabled() : change.enabled();
            if (user.username().equals(actor.name()) && (!enabled || !roles.contains(Role.ADMIN))) {
                throw ApiException.conflict("an administrator cannot disable themselves or take away their own ADMIN role");
            }
            String displayName = change.displayName() == null || change.displayName().isBlank() ? user.displayName() : change.displayName().strip();
            StoredUser next = user.withRights(displayName, roles, advisorId, enabled, clock.instant());
            users.update(connection, next);
            record(connection, "USER_CHANGED", next, actor, Map.of("before", describe(user)));
            return next;
        });
        generations.refresh();
        return UserViews.UserView.of(changed, clock.instant());
    }

    /** An administrator sets a password; it also lifts a lock-out. */
    public UserViews.UserView resetPassword(String username, UserViews.PasswordReset reset, Actor actor) {
        List<Problem.FieldError> errors = PasswordPolicy.check("$.password", reset.password());
        if (!errors.isEmpty()) {
            throw ApiException.invalid("the password is not acceptable", errors);
        }
        StoredUser changed = setPassword(username, reset.password(), actor, "PASSWORD_RESET");
        return UserViews.UserView.of(changed, clock.instant());
    }

    /** A user changes their own password, proving the current one (a wrong one counts as a failed login). */
    public void changeOwnPassword(Caller caller, UserViews.PasswordChange change) {
        List<Problem.FieldError> errors = PasswordPolicy.check("$.newPassword", change.newPassword());
        if (!errors.isEmpty()) {
            throw ApiException.invalid("the new password is not acceptable", errors);
        }
        if (!logins.login(caller.username(), change.currentPassword()).isAuthenticated()) {
            throw ApiException.invalid("$.currentPassword", "the current password is not right");
        }
        setPassword(caller.username(), change.newPassword(), caller.actor(), "PASSWORD_CHANGED");
    }

    private StoredUser setPassword(String username, String password, Actor actor, String entryType) {
        String hash = hasher.hash(password);
        StoredUser changed = transactions.write(connection -> {
            StoredUser user = users.find(connection, username, true).orElseThrow(() -> ApiException.notFound("user " + username));
            StoredUser next = user.withPassword(hash, clock.instant());
            users.update(connection, next);
            record(connection, entryType, next, actor, Map.of());
            return next;
        });
        generations.refresh();
        return changed;
    }

    /** Creates a user without a caller, for the first start; answers false when the user already exists. */
    boolean createInitial(Connection connection, String username, String displayName, UserKind kind, String password,
                          Set<Role> roles, String advisorId) throws SQLException {
        if (users.find(connection, username, true).isPresent()) {
            return false;
        }
        StoredUser user = StoredUser.created(username, displayName, kind, hasher.hash(password), roles, advisorId,
                Actor.SERVICE.name(), clock.instant());
        users.insert(connection, user);
        record(connection, "USER_CREATED", user, Actor.SERVICE, Map.of("firstStart", true));
        return true;
    }

    private static Set<Role> roles(List<Role> requested, UserKind kind, String advisorId, List<Problem.FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (requested == null || requested.isEmpty()) {
            errors.add(new Problem.FieldError("$.roles", "a user needs at least one role"));
            return roles;
        }
        for (int i = 0; i < requested.size(); i++) {
            if (requested.get(i) == null) {
                errors.add(new Problem.FieldError("$.roles[" + i + "]", "a role must not be null"));
            } else {
                roles.add(requested.get(i));
            }
        }
        if (kind == UserKind.SERVICE && !roles.equals(EnumSet.of(Role.ORDER_SYSTEM))) {
            errors.add(new Problem.FieldError("$.roles", "a SERVICE user is the order system: its only role is ORDER_SYSTEM"));
        }
        if (kind == UserKind.PERSON && roles.contains(Role.ORDER_SYSTEM)) {
            errors.add(new Problem.FieldError("$.roles", "ORDER_SYSTEM is for SERVICE users, not people"));
        }
        boolean hasAdvisor = advisorId != null && !advisorId.isBlank();
        if (roles.contains(Role.ADVISOR) && !hasAdvisor) {
            errors.add(new Problem.FieldError("$.advisorId", "an ADVISOR needs the advisor id whose households they look after"));
        }
        if (!roles.contains(Role.ADVISOR) && hasAdvisor) {
            errors.add(new Problem.FieldError("$.advisorId", "only an ADVISOR has an advisor id"));
        }
        return roles;
    }

    private void record(Connection connection, String entryType, StoredUser user, Actor actor, Map<String, Object> extra)
            throws SQLException {
        Map<String, Object> payload = new LinkedHashMap<>(describe(user));
        payload.putAll(extra);
        audit.append(connection, List.of(new AuditRecord(entryType, "user:" + user.username(), actor.name(), "none", "none",
                write(payload))));
    }

    private static Map<String, Object> describe(StoredUser user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", user.username());
        fields.put("displayName", user.displayName());
        fields.put("kind", user.kind().name());
        fields.put("roles", user.roles().stream().map(Role::name).sorted().toList());
        fields.put("advisorId", user.advisorId());
        fields.put("enabled", user.enabled());
        return fields;
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String generatedSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
