package trimtab.api.cli;

import trimtab.api.database.Transactions;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * MariaDB's own counters, read before and after a phase to tell what a request costs the database: statements
 * received (each a round trip), commits, and InnoDB's fsyncs (a durable commit waits for the redo log's).
 */
record ServerCounters(long statements, long commits, long logFsyncs) {

    static ServerCounters read(Transactions transactions) {
        return transactions.read(connection -> {
            long statements = 0;
            long commits = 0;
            long fsyncs = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                         + "('Questions', 'Com_commit', 'Innodb_data_fsyncs')")) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "Questions" -> statements = rs.getLong(2);
                        case "Com_commit" -> commits = rs.getLong(2);
                        default -> fsyncs = rs.getLong(2);
                    }
                }
            }
            return new ServerCounters(statements, commits, fsyncs);
        });
    }

    ServerCounters since(ServerCounters earlier) {
        return new ServerCounters(statements - earlier.statements, commits - earlier.commits, logFsyncs - earlier.logFsyncs);
    }

    /** Prints this difference per request. */
    void printPer(long requests, String what) {
        double n = Math.max(1, requests);
        System.out.printf(Locale.ROOT, "  database per %s: %.1f statements, %.2f commits, %.2f InnoDB fsyncs%n", what,
                statements / n, commits / n, logFsyncs / n);
    }
}
