package trimtab.api.rulesets;

import jakarta.inject.Singleton;
import trimtab.api.database.MultiRowInsert;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule-set versions and their events in MariaDB. Everything here is an insert or a read: a version's bytes are
 * kept exactly as uploaded, and its approval, activation or rollback is a new event row. All methods work on the
 * caller's connection so that a version, its event and its audit entry commit together.
 */
@Singleton
public final class RuleSetStore {
    private static final String VERSION_COLUMNS =
            "table_kind, version, file_name, sha256, rule_count, uploaded_by, uploaded_at, comment";
    private static final String EVENT_COLUMNS =
            "event_id, table_kind, version, event_type, actor, occurred_at, reason, audit_seq";

    /**
     * Stores a workbook as the next version of its table and returns that version. The table's versions are
     * locked while the number is chosen, so concurrent uploads get consecutive numbers.
     */
    public int addVersion(Connection connection, TableKind kind, Workbook workbook, int ruleCount, String uploadedBy,
                          String comment) throws SQLException {
        int next;
        try (PreparedStatement max = connection.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM rule_set_version WHERE table_kind = ? FOR UPDATE")) {
            max.setString(1, kind.name());
            try (ResultSet rs = max.executeQuery()) {
                rs.next();
                next = rs.getInt(1) + 1;
            }
        }
        MultiRowInsert.into("rule_set_version", "table_kind", "version", "file_name", "content", "sha256", "rule_count",
                        "uploaded_by", "uploaded_at", "comment")
                .row(kind.name(), next, workbook.fileName(), workbook.bytes(), workbook.sha256(), ruleCount, uploadedBy,
                        now(), comment)
                .execute(connection);
        return next;
    }

    public long addEvent(Connection connection, TableKind kind, int version, RuleSetEventType type, String actor, String reason,
                         long auditSeq) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rule_set_event (table_kind, version, event_type, actor, occurred_at, reason, audit_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, kind.name());
            insert.setInt(2, version);
            insert.setString(3, type.name());
            insert.setString(4, actor);
            insert.setTimestamp(5, java.sql.Timestamp.from(now()));
            insert.setString(6, reason);
            insert.setLong(7, auditSeq);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public Optional<StoredRuleSet> version(Connection connection, TableKind kind, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + VERSION_COLUMNS + " FROM rule_set_version WHERE table_kind = ? AND version = ?")) {
            statement.setString(1, kind.name());
            statement.setInt(2, version);
            List<StoredRuleSet> found = versions(statement);
            return found.stream().findFirst();
        }
    }

    /** A table's versions, newest first. */
    public List<StoredRuleSet> versions(Connection connection, TableKind kind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + VERSION_COLUMNS + " FROM rule_set_version WHERE table_kind = ? ORDER BY version DESC")) {
            statement.setString(1, kind.name());
            return versions(statement);
        }
    }

    /** The exact bytes uploaded, with the file name they came under. */
    public Optional<Workbook> workbook(Connection connection, TableKind kind, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT file_name, content FROM rule_set_version WHERE table_kind = ? AND version = ?")) {
            statement.setString(1, kind.name());
            statement.setInt(2, version);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Workbook(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    /** A version's events, oldest first. */
    public List<RuleSetEvent> events(Connection connection, TableKind kind, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + EVENT_COLUMNS + " FROM rule_set_event WHERE table_kind = ? AND version = ? ORDER BY event_id")) {
            statement.setString(1, kind.name());
            statement.setInt(2, version);
            return events(statement);
        }
    }

    /** The version in force per table: the one named by the table's latest activating event. */
    public Map<TableKind, Integer> activeVersions(Connection connection) throws SQLException {
        Map<TableKind, Integer> active = new EnumMap<>(TableKind.class);
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT e.table_kind, e.version FROM rule_set_event e
                JOIN (SELECT table_kind, MAX(event_id) AS event_id FROM rule_set_event
                      WHERE event_type IN ('ACTIVATED', 'ROLLED_BACK') GROUP BY table_kind) latest
                  ON latest.event_id = e.event_id""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                active.put(TableKind.valueOf(rs.getString(1)), rs.getInt(2));
            }
        }
        return active;
    }

    /** The id of the newest activating event of any table: what instances poll to notice an activation. */
    public long lastActivationEventId(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COALESCE(MAX(event_id), 0) FROM rule_set_event WHERE event_type IN ('ACTIVATED', 'ROLLED_BACK')");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Versions approved but never activated since: the ones an activation may soon ask for. */
    public List<StoredRuleSet> approvedNotActivated(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + VERSION_COLUMNS + " " + """
                 FROM rule_set_version v WHERE EXISTS (SELECT 1 FROM rule_set_event a WHERE a.table_kind = v.table_kind
                   AND a.version = v.version AND a.event_type = 'APPROVED')
                 AND NOT EXISTS (SELECT 1 FROM rule_set_event x WHERE x.table_kind = v.table_kind AND x.version = v.version
                   AND x.event_type IN ('ACTIVATED', 'ROLLED_BACK'))""")) {
            return versions(statement);
        }
    }

    private static List<StoredRuleSet> versions(PreparedStatement statement) throws SQLException {
        List<StoredRuleSet> versions = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                versions.add(new StoredRuleSet(TableKind.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
            }
        }
        return versions;
    }

    private static List<RuleSetEvent> events(PreparedStatement statement) throws SQLException {
        List<RuleSetEvent> events = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                events.add(new RuleSetEvent(rs.getLong(1), TableKind.valueOf(rs.getString(2)), rs.getInt(3),
                        RuleSetEventType.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getString(7), rs.getLong(8)));
            }
        }
        return events;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
