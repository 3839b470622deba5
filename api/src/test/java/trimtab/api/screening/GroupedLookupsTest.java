package trimtab.api.screening;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trimtab.api.database.Transactions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests looked up together each get their own stored answer, and versions read after they arrived. */
@MicronautTest(transactional = false)
class GroupedLookupsTest {
    private static final String CLIENT = "oms-lookups";

    @Inject
    GroupedLookups lookups;
    @Inject
    Transactions transactions;
    @Inject
    ScreeningStore store;

    private final String first = "lookup-" + UUID.randomUUID();
    private final String second = "lookup-" + UUID.randomUUID();
    private String firstRequest;
    private String secondRequest;

    @BeforeEach
    void twoStoredRequests() {
        firstRequest = store(first);
        secondRequest = store(second);
    }

    @Test
    void concurrentRequestsEachGetTheAnswerStoredUnderTheirOwnKey() throws Exception {
        KeptBook.Versions now = versions();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> mismatches = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                mismatches.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String key = switch ((thread + i) % 5) {
                            case 0 -> first;
                            case 1 -> second;
                            case 2 -> first.toUpperCase(java.util.Locale.ROOT); // another key: compared exactly
                            case 3 -> "lookup-new-" + thread + "-" + i;
                            default -> null;
                        };
                        ScreeningStore.Lookup found = lookups.lookup(CLIENT, key);
                        Optional<String> expected = key == null ? Optional.empty()
                                : key.equals(first) ? Optional.of(firstRequest)
                                : key.equals(second) ? Optional.of(secondRequest) : Optional.empty();
                        if (!found.versions().equals(now) || !found.stored().map(ScreeningStore.StoredScreening::requestId).equals(expected)) {
                            return key + " got " + found;
                        }
                    }
                    return null;
                }));
            }
            for (Future<String> mismatch : mismatches) {
                assertThat(mismatch.get()).isNull();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(lookups.lookup("another-client", first).stored()).as("a key is the client's own").isEmpty();
    }

    @Test
    void aChangeCommittedBeforeALookupIsSeenByIt() {
        KeptBook.Versions before = lookups.lookup(CLIENT, null).versions();
        bumpHouseholdVersion();
        assertThat(lookups.lookup(CLIENT, first).versions())
                .isEqualTo(new KeptBook.Versions(before.referenceData(), before.households() + 1));
    }

    @Test
    void aRequestArrivingWhileAReadIsUnderWayWaitsForTheNextReadAndSeesWhatWasCommittedBeforeIt() throws Exception {
        java.util.concurrent.CountDownLatch statementDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        GroupedLookups grouped = new GroupedLookups(keys -> {
            var found = transactions.statement(c -> store.lookups(c, keys));
            if (reads.incrementAndGet() == 1) {
                statementDone.countDown(); // the first read has its answer from the database, and is held before handing it out
                await(release);
            }
            return found;
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<ScreeningStore.Lookup> early = threads.submit(() -> grouped.lookup(CLIENT, first));
            assertThat(statementDone.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            KeptBook.Versions seenByTheFirstRead = versions();
            bumpHouseholdVersion();
            Future<ScreeningStore.Lookup> late = threads.submit(() -> grouped.lookup(CLIENT, second));
            Thread.sleep(200); // the late request queues behind the read under way
            release.countDown();

            assertThat(early.get().versions()).isEqualTo(seenByTheFirstRead);
            assertThat(late.get().versions()).as("not the answer of the read that began before it arrived")
                    .isEqualTo(new KeptBook.Versions(seenByTheFirstRead.referenceData(), seenByTheFirstRead.households() + 1));
            assertThat(late.get().stored().map(ScreeningStore.StoredScreening::requestId)).hasValue(secondRequest);
            assertThat(reads.get()).isEqualTo(2);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aQueueLongerThanOneReadIsReadInTurnsOfAtMost64KeysAndEachRequestGetsItsOwnAnswer() throws Exception {
        java.util.concurrent.CountDownLatch firstReadHeld = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Integer> readSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        KeptBook.Versions versions = new KeptBook.Versions(7, 11);
        // no database: each key's stored request is named after the key, so a mix-up shows
        GroupedLookups grouped = new GroupedLookups(keys -> {
            readSizes.add(keys.size());
            if (readSizes.size() == 1) {
                firstReadHeld.countDown();
                await(release);
            }
            java.util.Map<ScreeningStore.Key, ScreeningStore.Lookup> found = new java.util.HashMap<>();
            keys.forEach(k -> found.put(k, new ScreeningStore.Lookup(versions, Optional.of(
                    new ScreeningStore.StoredScreening("request-of-" + k.idempotencyKey(), "hash", new byte[0])))));
            return found;
        });
        int waiting = 100;
        ExecutorService threads = Executors.newFixedThreadPool(waiting + 1);
        try {
            Future<ScreeningStore.Lookup> leader = threads.submit(() -> grouped.lookup(CLIENT, "key-leader"));
            assertThat(firstReadHeld.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(waiting);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                String key = "key-" + i;
                answers.add(threads.submit(() -> {
                    started.countDown();
                    return grouped.lookup(CLIENT, key).stored().orElseThrow().requestId();
                }));
            }
            assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300); // they queue behind the read under way
            release.countDown();

            assertThat(leader.get().stored().orElseThrow().requestId()).isEqualTo("request-of-key-leader");
            for (int i = 0; i < waiting; i++) {
                assertThat(answers.get(i).get()).isEqualTo("request-of-key-" + i);
            }
            assertThat(readSizes.get(0)).isEqualTo(1);
            assertThat(readSizes).as("read sizes %s", readSizes).allMatch(size -> size <= 64).contains(64);
            assertThat(readSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(waiting + 1);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void bumpHouseholdVersion() {
        transactions.write(c -> {
            try (Statement statement = c.createStatement()) {
                statement.executeUpdate("UPDATE household_data_version SET version = version + 1 WHERE id = 1");
            }
            return null;
        });
    }

    @Test
    void requestsWithoutAKeyReadNoStoredRequestAtAll() {
        // an always-false join condition would still read the whole of screening_request, which only grows
        long rowsRead = transactions.read(c -> {
            long before = tableRowsRead(c);
            store.lookups(c, List.of(new ScreeningStore.Key(CLIENT, null), new ScreeningStore.Key("another-client", null)));
            return tableRowsRead(c) - before;
        });
        assertThat(rowsRead).isZero();
    }

    private static long tableRowsRead(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SHOW SESSION STATUS LIKE 'Handler_read_rnd_next'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private KeptBook.Versions versions() {
        return transactions.read(c -> {
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT v.version, h.version FROM reference_data_version v, household_data_version h")) {
                rs.next();
                return new KeptBook.Versions(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    private String store(String key) {
        String requestId = UUID.randomUUID().toString();
        transactions.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO screening_request (request_id, client_id, idempotency_key, request_hash, received_at,
                        rule_set_version, rule_set_checksum, order_count, response)
                    VALUES (?, ?, ?, ?, ?, 1, ?, 1, '{}')""")) {
                insert.setString(1, requestId);
                insert.setString(2, CLIENT);
                insert.setString(3, key);
                insert.setString(4, "a".repeat(64));
                insert.setTimestamp(5, Timestamp.from(Instant.parse("2026-11-26T10:15:30.250Z")));
                insert.setString(6, "b".repeat(64));
                return insert.executeUpdate();
            }
        });
        return requestId;
    }
}
