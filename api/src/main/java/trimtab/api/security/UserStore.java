package trimtab.api.security;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The app_user table, on the caller's connection (and so inside the caller's transaction). */
@Singleton
final class UserStore {
    private static final String COLUMNS = """
            username, display_name, kind, password_hash, roles, advisor_id, enabled, failed_logins, locked_until,
            token_generation, created_at, created_by, changed_at""";

    Optional<StoredUser> find(Connection connection, String username, boolean forUpdate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM app_user WHERE username = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            statement.setString(1, username);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    List<StoredUser> all(Connection connection) throws SQLException {
        List<StoredUser> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM app_user ORDER BY username");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                users.add(read(rs));
            }
        }
        return users;
    }

    int count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM app_user");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Every user's current token generation, 0 for a disabled user (whose tokens are all refused). */
    Map<String, Integer> tokenGenerations(Connection connection) throws SQLException {
        Map<String, Integer> generations = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT username, enabled, token_generation FROM app_user");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                generations.put(rs.getString(1), rs.getBoolean(2) ? rs.getInt(3) : 0);
            }
        }
        return generations;
    }

    void insert(Connection connection, StoredUser user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO app_user (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, user.username());
            statement.setString(2, user.displayName());
            statement.setString(3, user.kind().name());
            statement.setString(4, user.passwordHash());
            statement.setString(5, roles(user.roles()));
            statement.setString(6, user.advisorId());
            statement.setBoolean(7, user.enabled());
            statement.setInt(8, user.failedLogins());
            setInstant(statement, 9, user.lockedUntil());
            statement.setInt(10, user.tokenGeneration());
            statement.setTimestamp(11, Timestamp.from(user.createdAt()));
            statement.setString(12, user.createdBy());
            statement.setTimestamp(13, Timestamp.from(user.changedAt()));
            statement.executeUpdate();
        }
    }

    /** Writes a changed user back; the caller has read it FOR UPDATE in the same transaction. */
    void update(Connection connection, StoredUser user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE app_user SET display_name = ?, password_hash = ?, roles = ?, advisor_id = ?, enabled = ?,
                failed_logins = ?, locked_until = ?, token_generation = ?, changed_at = ? WHERE username = ?""")) {
            statement.setString(1, user.displayName());
            statement.setString(2, user.passwordHash());
            statement.setString(3, roles(user.roles()));
            statement.setString(4, user.advisorId());
            statement.setBoolean(5, user.enabled());
            statement.setInt(6, user.failedLogins());
            setInstant(statement, 7, user.lockedUntil());
            statement.setInt(8, user.tokenGeneration());
            statement.setTimestamp(9, Timestamp.from(user.changedAt()));
            statement.setString(10, user.username());
            statement.executeUpdate();
        }
    }

    private static StoredUser read(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp(9);
        return new StoredUser(rs.getString(1), rs.getString(2), UserKind.valueOf(rs.getString(3)), rs.getString(4),
                parseRoles(rs.getString(5)), rs.getString(6), rs.getBoolean(7), rs.getInt(8),
                locked == null ? null : locked.toInstant(), rs.getInt(10), rs.getTimestamp(11).toInstant(), rs.getString(12),
                rs.getTimestamp(13).toInstant());
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> parseRoles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> {
            try {
                roles.add(Role.valueOf(s));
            } catch (IllegalArgumentException ignored) {
                // a role removed from this version grants nothing
            }
        });
        return roles;
    }

    private static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant));
        }
    }
}
