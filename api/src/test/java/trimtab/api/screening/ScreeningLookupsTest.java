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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one statement that reads the book's versions and what is stored under Idempotency-Keys
 * ({@link ScreeningStore#lookups}), and the write that checks both first ({@link ScreeningStore#recordNew}).
 */
@MicronautTest(transactional = false)
class ScreeningLookupsTest {
    private static final String CLIENT = "oms-lookups";

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
    void requestsLookedUpTogetherEachGetTheAnswerStoredUnderTheirOwnKey() {
        KeptBook.Versions now = versions();
        List<ScreeningStore.Key> keys = List.of(new ScreeningStore.Key(CLIENT, first), new ScreeningStore.Key(CLIENT, second),
                new ScreeningStore.Key(CLIENT, first.toUpperCase(java.util.Locale.ROOT)), // another key: compared exactly
                new ScreeningStore.Key(CLIENT, "lookup-new-" + UUID.randomUUID()), new ScreeningStore.Key(CLIENT, null),
                new ScreeningStore.Key("another-client", first)); // a key is the client's own

        var found = transactions.read(c -> store.lookups(c, keys));

        assertThat(keys).allSatisfy(k -> assertThat(found.get(k).versions()).isEqualTo(now));
        assertThat(keys.stream().map(k -> found.get(k).stored().map(ScreeningStore.StoredScreening::requestId).orElse("-")))
                .containsExactly(firstRequest, secondRequest, "-", "-", "-", "-");
    }

    @Test
    void aChangeCommittedBeforeALookupIsSeenByIt() {
        KeptBook.Versions before = lookup(null).versions();
        bumpHouseholdVersion();
        assertThat(lookup(first).versions()).isEqualTo(new KeptBook.Versions(before.referenceData(), before.households() + 1));
    }

    @Test
    void aWriteSkipsARequestWhoseKeyIsTakenAndOneScreenedOnABookThatChangedAndWritesTheRest() {
        KeptBook.Versions now = versions();
        KeptBook.Versions before = new KeptBook.Versions(now.referenceData(), now.households() - 1);
        String fresh = "lookup-fresh-" + UUID.randomUUID();
        String stale = "lookup-stale-" + UUID.randomUUID();
        String unchecked = "lookup-read-" + UUID.randomUUID();

        List<ScreeningStore.Outcome> outcomes = transactions.write(c -> store.recordNew(c, List.of(
                screening(first, now), screening(fresh, now), screening(stale, before), screening(unchecked, null))));

        assertThat(outcomes.get(0)).isInstanceOf(ScreeningStore.AlreadyStored.class);
        assertThat(((ScreeningStore.AlreadyStored) outcomes.get(0)).stored().requestId()).isEqualTo(firstRequest);
        assertThat(outcomes.subList(1, 4)).containsExactly(new ScreeningStore.Written(), new ScreeningStore.BookChanged(),
                new ScreeningStore.Written());
        assertThat(lookup(fresh).stored()).as("written").isPresent();
        assertThat(lookup(stale).stored()).as("screened on a book that changed: not written").isEmpty();
        assertThat(lookup(unchecked).stored()).as("read in its own transaction: written without a check").isPresent();
        assertThat(transactions.read(c -> store.lookups(c, List.of(new ScreeningStore.Key(CLIENT, first))))
                .get(new ScreeningStore.Key(CLIENT, first)).stored().orElseThrow().requestId())
                .as("the stored request under the key taken is the first one still").isEqualTo(firstRequest);
    }

    @Test
    void aWriterKeepingItsConnectionChecksEachGroupAgainstTheVersionsCommittedBeforeIt() {
        KeptBook.Versions screenedOn = versions();
        List<ScreeningStore.Outcome> outcomes = new java.util.ArrayList<>();
        transactions.inSequence(sequence -> {
            outcomes.addAll(sequence.write(c -> store.recordNew(c, List.of(screening("seq-1-" + UUID.randomUUID(), screenedOn)))));
            bumpHouseholdVersion(); // committed by another connection between the two groups
            outcomes.addAll(sequence.write(c -> store.recordNew(c, List.of(screening("seq-2-" + UUID.randomUUID(), screenedOn)))));
        });
        assertThat(outcomes).as("the second group's transaction reads a new snapshot")
                .containsExactly(new ScreeningStore.Written(), new ScreeningStore.BookChanged());
    }

    @Test
    void moreKeysThanOneStatementTakesAreLookedUpInSeveral() {
        List<ScreeningStore.Key> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            keys.add(new ScreeningStore.Key(CLIENT, "lookup-absent-" + i + "-" + UUID.randomUUID()));
        }
        keys.add(66, new ScreeningStore.Key(CLIENT, second)); // in the second statement
        keys.add(3, new ScreeningStore.Key(CLIENT, first));

        var found = transactions.read(c -> store.lookups(c, keys));

        assertThat(keys.stream().filter(k -> found.get(k).stored().isPresent())
                .map(k -> found.get(k).stored().orElseThrow().requestId())).containsExactly(firstRequest, secondRequest);
        assertThat(keys).allSatisfy(k -> assertThat(found.get(k).versions()).isEqualTo(versions()));
    }

    private static RecordedScreening screening(String key, KeptBook.Versions screenedOn) {
        String requestId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-26T10:15:30.250Z");
        return new RecordedScreening(requestId, CLIENT, key, "c".repeat(64), at, at,
                new trimtab.engine.rules.RuleSetVersion(trimtab.engine.rules.TableKind.GUARDRAILS, 1, "d".repeat(64)),
                "{\"verdicts\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new trimtab.api.audit.AuditRecord("SCREENING_REQUEST", requestId, CLIENT, "GUARDRAILS v1", "c".repeat(64), "{}"),
                List.of(), screenedOn);
    }

    private ScreeningStore.Lookup lookup(String key) {
        return transactions.read(c -> store.lookup(c, CLIENT, key));
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
