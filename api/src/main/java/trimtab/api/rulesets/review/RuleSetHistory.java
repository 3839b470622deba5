package trimtab.api.rulesets.review;

import jakarta.inject.Singleton;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetEvent;
import trimtab.api.rulesets.RuleSetEventType;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.StoredRuleSet;
import trimtab.api.rulesets.upload.RuleSetTables;
import trimtab.api.web.ApiException;
import trimtab.engine.rules.TableKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rule-set versions with their events and lifecycle state, read in one transaction so they agree. */
@Singleton
public final class RuleSetHistory {
    private final Transactions transactions;
    private final RuleSetStore store;

    RuleSetHistory(Transactions transactions, RuleSetStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /** Each table's version in force and the event that put it there. */
    public List<RuleSetViews.TableInForce> inForce() {
        return transactions.read(connection -> {
            Map<TableKind, Integer> active = store.activeVersions(connection);
            List<RuleSetViews.TableInForce> tables = new ArrayList<>();
            for (TableKind kind : TableKind.values()) {
                Integer version = active.get(kind);
                if (version == null) {
                    continue;
                }
                StoredRuleSet stored = store.version(connection, kind, version).orElseThrow();
                RuleSetEvent activation = store.events(connection, kind, version).stream().filter(e -> e.type().activates())
                        .max(Comparator.comparingLong(RuleSetEvent::eventId)).orElseThrow();
                int latest = store.versions(connection, kind).get(0).version();
                String table = RuleSetTables.slug(kind);
                tables.add(new RuleSetViews.TableInForce(table, kind.title(), version, stored.fileName(), stored.sha256(),
                        stored.ruleCount(), activation.type().name(), activation.actor(), activation.occurredAt(), activation.reason(),
                        latest, "/api/v1/rule-sets/" + table + "/versions"));
            }
            return tables;
        });
    }

    /** A table's versions, newest first, with their states. */
    public List<RuleSetViews.VersionSummary> versions(TableKind kind) {
        return transactions.read(connection -> {
            Integer active = store.activeVersions(connection).get(kind);
            Map<Integer, List<RuleSetEvent>> events = eventsOf(connection, kind).stream()
                    .collect(Collectors.groupingBy(RuleSetEvent::version));
            return store.versions(connection, kind).stream().map(v -> RuleSetViews.VersionSummary.of(v,
                    LifecycleState.of(v.version(), events.getOrDefault(v.version(), List.of()), active))).toList();
        });
    }

    /** @throws ApiException 404 when the table has no such version */
    public RuleSetViews.VersionDetail version(TableKind kind, int version) {
        return transactions.read(connection -> {
            StoredRuleSet stored = store.version(connection, kind, version).orElseThrow(() -> notFound(kind, version));
            List<RuleSetEvent> events = store.events(connection, kind, version);
            Integer active = store.activeVersions(connection).get(kind);
            return RuleSetViews.VersionDetail.of(stored, LifecycleState.of(version, events, active), events);
        });
    }

    static ApiException notFound(TableKind kind, int version) {
        return ApiException.notFound("version " + version + " of the " + RuleSetTables.slug(kind) + " rule set");
    }

    /** Every event of a table, oldest first: one query rather than one per version. */
    private static List<RuleSetEvent> eventsOf(Connection connection, TableKind kind) throws SQLException {
        List<RuleSetEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT event_id, version, event_type, actor, occurred_at, reason, audit_seq
                FROM rule_set_event WHERE table_kind = ? ORDER BY event_id""")) {
            statement.setString(1, kind.name());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    events.add(new RuleSetEvent(rs.getLong(1), kind, rs.getInt(2), RuleSetEventType.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getLong(7)));
                }
            }
        }
        return events;
    }
}
