package trimtab.api.cli;

import trimtab.api.database.Transactions;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * InnoDB's purge backlog: committed transactions whose old row versions (and, for inserts, row headers) purge has
 * not cleaned yet. Purge runs in mariadbd's background threads after the commits, on the same two cores.
 *
 * <p>Why a benchmark waits for it: 10 s of saturating batches leave tens of thousands of transactions to purge,
 * which takes seconds more. A phase started meanwhile measures the previous phase's leftovers along with itself
 * (the open loop at 1,000 requests/s ran right after the batches, and its p99 moved with how much purge was left),
 * and the CPU that purge costs was charged to the wrong phase. So each phase is followed by a wait until the backlog
 * is down to what a quiet server keeps, and its CPU per request is read after that wait, purge included.
 */
final class PurgeBacklog {
    /** What a server with no write load settles at; a few hundred remain while purge batches its work. */
    private static final long QUIET = 1_000;
    private static final long MAX_WAIT_MILLIS = 60_000;

    private PurgeBacklog() {
    }

    /** Waits until the backlog is down to {@value #QUIET} transactions (60 s at most), and prints what it waited for. */
    static void awaitDrained(Transactions transactions) {
        long start = System.nanoTime();
        long first = length(transactions);
        long now = first;
        while (now > QUIET && (System.nanoTime() - start) / 1_000_000 < MAX_WAIT_MILLIS) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            now = length(transactions);
        }
        System.out.printf(Locale.ROOT, "  purge after the phase: %,d transactions to purge, %,d left after %.1f s%s%n", first, now,
                (System.nanoTime() - start) / 1e9, now > QUIET ? " (gave up waiting)" : "");
    }

    static long length(Transactions transactions) {
        return transactions.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_history_list_length'")) {
                return rs.next() ? rs.getLong(2) : 0L;
            }
        });
    }
}
