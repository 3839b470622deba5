package trimtab.api.screening;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import trimtab.api.audit.AuditRecord;
import trimtab.api.database.Transactions;
import trimtab.engine.rules.RuleSetVersion;
import trimtab.engine.rules.TableKind;

import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When InnoDB picks a group commit as a deadlock's victim, the group is rolled back and each of its requests is
 * written again alone, a request that is a victim once more gets one more try, and every caller returns once its
 * own request committed, with what its write found. The rows themselves are not the point here (GroupCommitTest writes real ones): the writes
 * go through a recorder that notes each call and fails the ones the test chooses, on real transactions.
 */
@MicronautTest(transactional = false)
class ScreeningCommitsTest {
    @Inject
    Transactions transactions;

    @Test
    void aGroupRolledBackByADeadlockIsWrittenAgainRequestByRequestWithOneMoreTryForAVictimAgain() throws Exception {
        List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothWritersBusy = new CountDownLatch(2);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
        ScreeningCommits commits = new ScreeningCommits(transactions, (connection, screenings) -> {
            List<String> ids = screenings.stream().map(RecordedScreening::requestId).toList();
            calls.add(ids);
            // each writer is held on a first request of its own, so that A and B queue up and go as one group
            if (ids.equals(List.of("W1")) || ids.equals(List.of("W2"))) {
                bothWritersBusy.countDown();
                await(held.incrementAndGet() == 1 ? releaseFirst : releaseSecond);
                return written(screenings);
            }
            long triesOfA = calls.stream().filter(c -> c.equals(List.of("A"))).count();
            if (ids.equals(List.of("A", "B")) || (ids.equals(List.of("A")) && triesOfA == 1)) {
                throw new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                        "40001", 1213);
            }
            // what the write found comes back to the caller from the one-by-one path too
            return ids.equals(List.of("A")) ? List.of(new ScreeningStore.BookChanged()) : written(screenings);
        });
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<?> w1 = callers.submit(() -> commits.record(screening("W1")));
            Future<?> w2 = callers.submit(() -> commits.record(screening("W2")));
            assertThat(bothWritersBusy.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ScreeningStore.Outcome> a = callers.submit(() -> commits.record(screening("A")));
            Thread.sleep(100);
            Future<ScreeningStore.Outcome> b = callers.submit(() -> commits.record(screening("B")));
            Thread.sleep(300); // both queued behind the writers
            releaseFirst.countDown();

            assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(new ScreeningStore.BookChanged());
            assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(new ScreeningStore.Written());
            releaseSecond.countDown();
            w1.get(10, TimeUnit.SECONDS);
            w2.get(10, TimeUnit.SECONDS);

            List<List<String>> afterTheWriters = new ArrayList<>(calls);
            afterTheWriters.removeIf(c -> Set.of(List.of("W1"), List.of("W2")).contains(c));
            assertThat(afterTheWriters).as("the group, then A twice (a victim again, then committed), then B")
                    .containsExactly(List.of("A", "B"), List.of("A"), List.of("A"), List.of("B"));
        } finally {
            releaseFirst.countDown();
            releaseSecond.countDown();
            callers.shutdownNow();
            commits.stop();
        }
    }

    @Test
    void aRequestThatIsADeadlockVictimTwiceAloneFailsWithTheDeadlockAndTheOthersCommit() throws Exception {
        ScreeningCommits commits = new ScreeningCommits(transactions, (connection, screenings) -> {
            if (screenings.stream().anyMatch(s -> s.requestId().equals("doomed"))) {
                throw new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
            }
            return written(screenings);
        });
        try {
            commits.record(screening("fine"));
            try {
                commits.record(screening("doomed"));
                throw new AssertionError("a request that could not be written must not return as recorded");
            } catch (RuntimeException e) {
                assertThat(trimtab.api.database.SqlFailures.isDeadlock(e)).as("%s", e).isTrue();
            }
            commits.record(screening("fine-after"));
        } finally {
            commits.stop();
        }
    }

    private static List<ScreeningStore.Outcome> written(List<RecordedScreening> screenings) {
        return screenings.stream().<ScreeningStore.Outcome>map(s -> new ScreeningStore.Written()).toList();
    }

    private static RecordedScreening screening(String requestId) {
        Instant at = Instant.parse("2026-11-26T09:30:00.125Z");
        return new RecordedScreening(requestId, "oms", null, "a".repeat(64), at, at,
                new RuleSetVersion(TableKind.GUARDRAILS, 3, "b".repeat(64)), "{}".getBytes(),
                new AuditRecord("SCREENING_REQUEST", requestId, "oms", "GUARDRAILS v3", "a".repeat(64), "{}"), List.of(), null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
