package trimtab.api.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.database.Transactions;
import trimtab.api.security.HouseholdScope;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rebalance runs as recorded: the run, its events, its households' results and what they add up to. Everything is
 * read from MariaDB, so any service instance answers for any run.
 */
@Singleton
public final class Runs {
    private final Transactions transactions;
    private final JsonMapper json;

    Runs(Transactions transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    public Optional<StoredRun> find(String runId) {
        return transactions.read(connection -> find(connection, runId));
    }

    public Optional<StoredRun> find(Connection connection, String runId) throws SQLException {
        List<StoredRun> runs = runs(connection, "WHERE run_id = ?", runId, 1);
        return runs.stream().findFirst();
    }

    /** The latest runs, most recent first. */
    public List<StoredRun> recent(int limit) {
        return transactions.read(connection -> runs(connection, "", null, limit));
    }

    private List<StoredRun> runs(Connection connection, String where, @Nullable String parameter, int limit) throws SQLException {
        List<StoredRun> runs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT run_id, requested_by, requested_at, as_of, dry_run, household_scope, household_total, rule_sets
                FROM rebalance_run %s ORDER BY requested_at DESC, run_id LIMIT ?""".formatted(where))) {
            int index = 1;
            if (parameter != null) {
                statement.setString(index++, parameter);
            }
            statement.setInt(index, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String runId = rs.getString(1);
                    runs.add(new StoredRun(runId, rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getDate(4).toLocalDate(),
                            rs.getBoolean(5), JsonText.read(json, rs.getString(6), Argument.listOf(String.class)), rs.getInt(7),
                            rs.getString(8), List.of()));
                }
            }
        }
        List<StoredRun> withEvents = new ArrayList<>();
        for (StoredRun run : runs) {
            withEvents.add(new StoredRun(run.runId(), run.requestedBy(), run.requestedAt(), run.asOf(), run.dryRun(), run.households(),
                    run.householdTotal(), run.ruleSets(), events(connection, run.runId())));
        }
        return withEvents;
    }

    private static List<StoredRun.Event> events(Connection connection, String runId) throws SQLException {
        List<StoredRun.Event> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT event_type, occurred_at, detail FROM run_event WHERE run_id = ? ORDER BY run_event_id")) {
            statement.setString(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredRun.Event(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)));
                }
            }
        }
        return events;
    }

    /** Households recorded so far. */
    public int householdsDone(String runId) {
        return transactions.read(connection -> count(connection, "SELECT COUNT(*) FROM run_household WHERE run_id = ?", runId));
    }

    /** The households of a run already recorded (a run picked up again skips them). */
    List<String> recordedHouseholds(String runId) {
        return transactions.read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT household_id FROM run_household WHERE run_id = ?")) {
                statement.setString(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    public RunViews.RunSummary summary(String runId) {
        return summary(runId, HouseholdScope.FIRM);
    }

    /** What the households of the run that the scope sees add up to. */
    public RunViews.RunSummary summary(String runId, HouseholdScope scope) {
        return transactions.read(connection -> summary(connection, runId, scope));
    }

    /** What the run's recorded households and trades add up to. */
    RunViews.RunSummary summary(Connection connection, String runId) throws SQLException {
        return summary(connection, runId, HouseholdScope.FIRM);
    }

    private RunViews.RunSummary summary(Connection connection, String runId, HouseholdScope scope) throws SQLException {
        Map<String, Integer> byDecision = new TreeMap<>();
        int withoutTrigger = 0;
        int failed = 0;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal harvested = BigDecimal.ZERO;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT decision, failed, COUNT(*), SUM(estimated_tax), SUM(harvested_losses) FROM run_household
                WHERE run_id = ? AND %s GROUP BY decision, failed""".formatted(HouseholdScope.filter("household_id")))) {
            statement.setString(1, runId);
            scope.bind(statement, 2);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String decision = rs.getString(1);
                    int count = rs.getInt(3);
                    if (rs.getBoolean(2)) {
                        failed += count;
                    } else if (decision == null) {
                        withoutTrigger += count;
                    }
                    if (decision != null) {
                        byDecision.merge(decision, count, Integer::sum);
                    }
                    tax = tax.add(rs.getBigDecimal(4));
                    harvested = harvested.add(rs.getBigDecimal(5));
                }
            }
        }
        Map<String, Integer> byVerdict = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT verdict, COUNT(*) FROM proposed_trade WHERE run_id = ? AND " + HouseholdScope.filter("household_id")
                        + " GROUP BY verdict")) {
            statement.setString(1, runId);
            scope.bind(statement, 2);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byVerdict.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        int awaiting;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT COUNT(*) FROM proposed_trade t WHERE t.run_id = ? AND t.verdict = 'REQUIRE_APPROVAL'
                AND NOT EXISTS (SELECT 1 FROM trade_approval a WHERE a.trade_id = t.trade_id) AND """ + HouseholdScope.filter("t.household_id"))) {
            statement.setString(1, runId);
            scope.bind(statement, 2);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                awaiting = rs.getInt(1);
            }
        }
        int triggered = byDecision.values().stream().mapToInt(Integer::intValue).sum();
        return new RunViews.RunSummary(triggered, byDecision, withoutTrigger, failed,
                byVerdict.values().stream().mapToInt(Integer::intValue).sum(), byVerdict, byVerdict.getOrDefault("BLOCK", 0), awaiting,
                tax.setScale(2), harvested.setScale(2));
    }

    /** A run's households that the scope sees, in id order, after a household id (for paging). */
    public List<StoredHousehold> households(String runId, @Nullable String afterHouseholdId, int limit, HouseholdScope scope) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT run_id, household_id, advisor_id, result, done_at, audit_seq FROM run_household
                    WHERE run_id = ? AND household_id > ? AND %s ORDER BY household_id LIMIT ?""".formatted(
                    HouseholdScope.filter("household_id")))) {
                statement.setString(1, runId);
                statement.setString(2, afterHouseholdId == null ? "" : afterHouseholdId);
                int next = scope.bind(statement, 3);
                statement.setInt(next, limit);
                return households(statement);
            }
        });
    }

    public Optional<StoredHousehold> household(String runId, String householdId) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT run_id, household_id, advisor_id, result, done_at, audit_seq FROM run_household
                    WHERE run_id = ? AND household_id = ?""")) {
                statement.setString(1, runId);
                statement.setString(2, householdId);
                return households(statement).stream().findFirst();
            }
        });
    }

    private List<StoredHousehold> households(PreparedStatement statement) throws SQLException {
        List<StoredHousehold> households = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                households.add(new StoredHousehold(rs.getString(1), rs.getString(2), rs.getString(3),
                        JsonText.read(json, rs.getString(4), HouseholdResult.class), rs.getTimestamp(5).toInstant(), rs.getLong(6)));
            }
        }
        return households;
    }

    private static int count(Connection connection, String sql, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
