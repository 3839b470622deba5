package trimtab.api.run;

import jakarta.inject.Singleton;
import trimtab.api.database.MultiRowInsert;
import trimtab.api.database.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The households of running runs as leasable work ({@code run_work}), shared by every service instance on the
 * database. Times are the database's ({@code NOW(6)}), so instances with skewed clocks agree on when a lease expires.
 *
 * <p>A lease is taken in a short transaction of its own with {@code SELECT ... FOR UPDATE SKIP LOCKED}: instances
 * leasing at the same moment get different households without waiting for one another. Completing a lease happens
 * in the transaction that records the households' results, and only while the lease is still this one's.
 */
@Singleton
final class RunWork {
    private final Transactions transactions;

    RunWork(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Households leased to one worker until their lease expires, in run order. */
    record Lease(String runId, String token, List<String> households) {
        Lease {
            households = List.copyOf(households);
        }
    }

    /** A run's households as open work, in the transaction that records the run's start. */
    static void add(Connection connection, String runId, List<String> households) throws SQLException {
        MultiRowInsert rows = MultiRowInsert.into("run_work", "run_id", "household_id", "ordinal");
        for (int i = 0; i < households.size(); i++) {
            rows.row(runId, households.get(i), i + 1);
        }
        rows.execute(connection);
    }

    /**
     * Leases up to {@code max} open households of a run that nobody holds (never leased, or leased and expired), the
     * first ones in run order; empty when there are none left to take.
     */
    Lease lease(String runId, String instance, int max, long leaseMillis) {
        String token = UUID.randomUUID().toString();
        List<String> households = transactions.write(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT household_id FROM run_work
                    WHERE run_id = ? AND done = FALSE AND (lease_until IS NULL OR lease_until < NOW(6))
                    ORDER BY ordinal LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                select.setString(1, runId);
                select.setInt(2, max);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return ids;
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE run_work SET leased_by = ?, lease_token = ?, lease_until = NOW(6) + INTERVAL ? MICROSECOND,
                    leases = leases + 1 WHERE run_id = ? AND household_id IN (%s)""".formatted(marks(ids.size())))) {
                update.setString(1, instance);
                update.setString(2, token);
                update.setLong(3, leaseMillis * 1000);
                update.setString(4, runId);
                for (int i = 0; i < ids.size(); i++) {
                    update.setString(5 + i, ids.get(i));
                }
                update.executeUpdate();
            }
            return ids;
        });
        return new Lease(runId, token, households);
    }

    /**
     * Marks a lease's households done, on the caller's connection (the transaction recording their results). False
     * when the lease no longer holds all of them (it expired and another instance took some over, or the run was
     * failed): the caller must then roll back, since those households are, or will be, recorded by that one.
     */
    static boolean complete(Connection connection, Lease lease, String instance) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE run_work SET done = TRUE, done_by = ?, done_at = NOW(6)
                WHERE run_id = ? AND lease_token = ? AND done = FALSE AND household_id IN (%s)"""
                .formatted(marks(lease.households().size())))) {
            update.setString(1, instance);
            update.setString(2, lease.runId());
            update.setString(3, lease.token());
            for (int i = 0; i < lease.households().size(); i++) {
                update.setString(4 + i, lease.households().get(i));
            }
            return update.executeUpdate() == lease.households().size();
        }
    }

    /**
     * Households of the run not done yet, read with a locking read so that it sees every committed completion
     * (whatever snapshot the transaction has).
     */
    static int open(Connection connection, String runId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM run_work WHERE run_id = ? AND done = FALSE LOCK IN SHARE MODE")) {
            count.setString(1, runId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A failed run's open households are withdrawn: no instance takes them any more. */
    static void withdraw(Connection connection, String runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM run_work WHERE run_id = ? AND done = FALSE")) {
            delete.setString(1, runId);
            delete.executeUpdate();
        }
    }

    /** Runs with households that can be leased now (open and held by nobody), oldest first. */
    List<String> runsWithWork(int limit) {
        return transactions.read(connection -> {
            List<String> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT w.run_id FROM run_work w JOIN rebalance_run r ON r.run_id = w.run_id
                    WHERE w.done = FALSE AND (w.lease_until IS NULL OR w.lease_until < NOW(6))
                    GROUP BY w.run_id ORDER BY MIN(r.requested_at) LIMIT ?""")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        runs.add(rs.getString(1));
                    }
                }
            }
            return runs;
        });
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(Math.max(1, count), "?"));
    }
}
