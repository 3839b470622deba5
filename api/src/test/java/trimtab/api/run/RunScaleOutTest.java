package trimtab.api.run;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trimtab.api.audit.AuditTrail;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.EmbeddedMariaDb;
import trimtab.api.database.Transactions;
import trimtab.api.demo.SyntheticFirmLoader;
import trimtab.api.web.Actor;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs split across service instances: two Micronaut contexts (two instances, no HTTP) on one real MariaDB share the
 * households of a run by leasing them in the database. Every household is recorded exactly once and none is missed,
 * whichever instance records it, and an instance that stops mid-run leaves its leases to expire and be taken over.
 */
class RunScaleOutTest {
    private static final Path FOLDER = Path.of("target/test-mariadb-scaleout");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    private static final int HOUSEHOLDS = 300;

    private static ApplicationContext first;

    @BeforeAll
    static void startAnInstanceAndLoadAFirm() {
        first = instance("instance-a", true);
        new SyntheticFirmLoader(first.getBean(Transactions.class), first.getBean(BookWriter.class), first.getBean(AuditTrail.class))
                .load(7, HOUSEHOLDS, AS_OF, 100);
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        EmbeddedMariaDb.stop(FOLDER);
    }

    @Test
    void twoInstancesShareARunAndRecordEveryHouseholdExactlyOnce() {
        try (ApplicationContext second = instance("instance-b", false)) {
            String runId = first.getBean(RebalanceRuns.class).start(new RunRequest(null, AS_OF, false), new Actor("scale-out-test")).runId();

            StoredRun run = awaitEnd(runId, Duration.ofMinutes(3));

            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
            assertEveryHouseholdRecordedOnce(runId);
            Map<String, Integer> byInstance = doneBy(runId);
            assertThat(byInstance.keySet()).containsExactlyInAnyOrder("instance-a", "instance-b");
            assertThat(byInstance.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(HOUSEHOLDS);
        }
    }

    @Test
    void anInstanceStoppedMidRunHasItsLeasesTakenOverAfterTheyExpire() throws Exception {
        // an instance stopped between committing a slice and leasing the next holds nothing: try again (a new run)
        // until the stop catches it holding a slice, as it nearly always does
        for (int attempt = 1; attempt <= 4; attempt++) {
            String name = "instance-doomed-" + attempt;
            ApplicationContext doomed = instance(name, false);
            String runId;
            try {
                runId = doomed.getBean(RebalanceRuns.class).start(new RunRequest(null, AS_OF, false), new Actor("scale-out-test")).runId();
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (count(runId, "SELECT COUNT(*) FROM run_work WHERE run_id = ? AND done_by = '" + name + "'") < 20
                        || count(runId, "SELECT COUNT(*) FROM run_work WHERE run_id = ? AND done = FALSE AND leased_by = '" + name + "'") == 0) {
                    assertThat(System.nanoTime()).as("the doomed instance records households").isLessThan(deadline);
                    Thread.sleep(5);
                }
            } finally {
                doomed.close();
            }
            List<String> heldWhenStopped = households(runId,
                    "SELECT household_id FROM run_work WHERE run_id = ? AND leased_by = '" + name + "' AND done = FALSE");

            StoredRun run = awaitEnd(runId, Duration.ofMinutes(3));

            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
            assertEveryHouseholdRecordedOnce(runId);
            if (heldWhenStopped.isEmpty()) {
                continue;
            }
            // the stopped instance died holding a slice: the survivor leased it again once the lease had expired, and recorded it
            Map<String, String> doneBy = new HashMap<>();
            Map<String, Integer> leases = new HashMap<>();
            first.getBean(Transactions.class).read(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT household_id, done_by, leases FROM run_work WHERE run_id = ?")) {
                    statement.setString(1, runId);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            doneBy.put(rs.getString(1), rs.getString(2));
                            leases.put(rs.getString(1), rs.getInt(3));
                        }
                    }
                }
                return null;
            });
            for (String household : heldWhenStopped) {
                assertThat(doneBy.get(household)).as(household).isEqualTo("instance-a");
                assertThat(leases.get(household)).as(household).isGreaterThanOrEqualTo(2);
            }
            return;
        }
        throw new AssertionError("in four attempts the stopped instance never held a slice when it stopped");
    }

    /** One result row and one RUN_HOUSEHOLD audit entry per household of the book, one FINISHED event, every work row done. */
    private static void assertEveryHouseholdRecordedOnce(String runId) {
        List<String> book = households(runId, "SELECT household_id FROM household WHERE ? IS NOT NULL ORDER BY household_id");
        List<String> recorded = households(runId, "SELECT household_id FROM run_household WHERE run_id = ? ORDER BY household_id");
        assertThat(book).hasSize(HOUSEHOLDS);
        assertThat(recorded).containsExactlyElementsOf(book);
        assertThat(count(runId, "SELECT COUNT(*) FROM audit_entry WHERE entry_type = 'RUN_HOUSEHOLD' AND subject LIKE CONCAT(?, '/%')"))
                .isEqualTo(HOUSEHOLDS);
        assertThat(count(runId, "SELECT COUNT(*) FROM run_event WHERE run_id = ? AND event_type = 'FINISHED'")).isEqualTo(1);
        assertThat(count(runId, "SELECT COUNT(*) FROM run_event WHERE run_id = ? AND event_type = 'FAILED'")).isZero();
        assertThat(count(runId, "SELECT COUNT(*) FROM run_work WHERE run_id = ? AND done = FALSE")).isZero();
        // the trades' audit entries are those of the recorded trades, none left from a slice that was rolled back
        assertThat(count(runId, "SELECT COUNT(*) FROM audit_entry WHERE entry_type = 'TRADE_DECISION' AND subject LIKE CONCAT(?, '-%')"))
                .isEqualTo(count(runId, "SELECT COUNT(*) FROM proposed_trade WHERE run_id = ?"));
        assertThat(first.getBean(Runs.class).summary(runId).householdsTriggered()).isPositive();
    }

    private static Map<String, Integer> doneBy(String runId) {
        Map<String, Integer> byInstance = new HashMap<>();
        for (String instance : households(runId, "SELECT done_by FROM run_work WHERE run_id = ?")) {
            byInstance.merge(instance, 1, Integer::sum);
        }
        return byInstance;
    }

    private static StoredRun awaitEnd(String runId, Duration limit) {
        Runs runs = first.getBean(Runs.class);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            StoredRun run = runs.find(runId).orElseThrow();
            if (run.status() != RunStatus.RUNNING) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + runId + " did not end within " + limit);
    }

    private static List<String> households(String runId, String sql) {
        return first.getBean(Transactions.class).read(connection -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
            }
            return values;
        });
    }

    private static int count(String runId, String sql) {
        return first.getBean(Transactions.class).read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** A service instance without HTTP: short leases, slices of 10, a quick poll. */
    private static ApplicationContext instance(String name, boolean fresh) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("trimtab.embedded-db.folder", FOLDER.toString());
        properties.put("trimtab.embedded-db.fresh", fresh);
        properties.put("trimtab.demo.enabled", false);
        properties.put("trimtab.runs.chunk-size", 10);
        properties.put("trimtab.runs.lease", "2s");
        properties.put("trimtab.runs.poll-interval", "200ms");
        properties.put("trimtab.runs.instance-id", name);
        return ApplicationContext.run(properties);
    }
}
