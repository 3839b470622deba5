package trimtab.api.screening;

import jakarta.inject.Singleton;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.database.MultiRowInsert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The screening tables: one request row, its decision rows and their audit entries, written together; and reads. */
@Singleton
final class ScreeningStore {

    /** Idempotency-Keys looked up in one statement at most. */
    private static final int MAX_KEYS = 64;

    private final AuditTrail audit;

    ScreeningStore(AuditTrail audit) {
        this.audit = audit;
    }

    /** A request as stored: enough to tell a retry from a reuse of its key, and to answer the retry. */
    record StoredScreening(String requestId, String requestHash, byte[] response) {
    }

    /**
     * A decision row with what explains it: its audit entry (rule sets in force, input hash, and the payload with the
     * order as received and the facts seen) and its request (client, key, and the answer with every violation).
     */
    record DecisionRow(String decisionId, String requestId, int line, String orderId, String verdict, int ruleSetVersion,
                       String ruleSetChecksum, Instant decidedAt, long auditSeq, String clientId, String idempotencyKey,
                       String ruleSets, String inputHash, String auditPayload, byte[] response) {
    }

    /** What became of a request given to {@link #recordNew}. */
    sealed interface Outcome permits Written, AlreadyStored, BookChanged {
    }

    /** Its rows are written (and commit with the caller's transaction). */
    record Written() implements Outcome {
    }

    /** Nothing written: a request was stored under its Idempotency-Key before; it is answered as a retry of that one. */
    record AlreadyStored(StoredScreening stored) implements Outcome {
    }

    /** Nothing written: the book changed since the kept snapshot it was screened on; it is screened again. */
    record BookChanged() implements Outcome {
    }

    private static final Outcome WRITTEN = new Written();
    private static final Outcome BOOK_CHANGED = new BookChanged();

    /**
     * Writes the requests that are still to be written, as {@link #record} does, after one statement that reads the
     * book's versions and whatever is stored under their Idempotency-Keys ({@link #lookups}): a request whose key is
     * taken is not written, nor one screened on a kept book whose versions are no longer the book's. That statement
     * runs inside the caller's transaction and after every request arrived, so a request written was screened on a
     * book holding every change committed before it arrived. No statement at all when no request has a key or was
     * screened on a kept book. Returns an outcome per request, in order.
     */
    List<Outcome> recordNew(Connection connection, List<RecordedScreening> screenings) throws SQLException {
        boolean lookUp = screenings.stream().anyMatch(s -> s.idempotencyKey() != null || s.screenedOn() != null);
        Map<Key, Lookup> found = lookUp ? lookups(connection, screenings.stream().map(ScreeningStore::key).toList()) : Map.of();
        List<Outcome> outcomes = new ArrayList<>(screenings.size());
        List<RecordedScreening> toWrite = new ArrayList<>(screenings.size());
        for (RecordedScreening screening : screenings) {
            Lookup lookup = found.get(key(screening));
            if (lookup != null && lookup.stored().isPresent()) {
                outcomes.add(new AlreadyStored(lookup.stored().get()));
            } else if (screening.screenedOn() != null && !screening.screenedOn().equals(lookup.versions())) {
                outcomes.add(BOOK_CHANGED);
            } else {
                outcomes.add(WRITTEN);
                toWrite.add(screening);
            }
        }
        record(connection, toWrite);
        return outcomes;
    }

    private static Key key(RecordedScreening screening) {
        return new Key(screening.clientId(), screening.idempotencyKey());
    }

    /**
     * Writes requests, their decisions and their audit entries on the caller's connection, for one transaction: the
     * request rows in one insert, the decisions in one insert, then the audit entries in one append (each request's
     * entry, then its decisions', request after request, so that a request's entries are consecutive). The request
     * rows go first: a concurrent request with a key already used waits on its unique key and then fails with a
     * duplicate key, before either has touched the audit chain's head. The head is locked from the append to the
     * commit, and nothing else is written under it, so another transaction can insert its rows meanwhile.
     */
    private void record(Connection connection, List<RecordedScreening> screenings) throws SQLException {
        MultiRowInsert requests = MultiRowInsert.into("screening_request", "request_id", "client_id", "idempotency_key",
                "request_hash", "received_at", "rule_set_version", "rule_set_checksum", "order_count", "response");
        MultiRowInsert decisions = MultiRowInsert.into("order_decision", "request_id", "line_no", "order_id",
                "account_id", "household_id", "symbol", "side", "quantity", "price", "verdict", "rule_set_version",
                "rule_set_checksum", "decided_at");
        List<AuditRecord> records = new ArrayList<>();
        for (RecordedScreening screening : screenings) {
            requests.row(screening.requestId(), screening.clientId(), screening.idempotencyKey(), screening.requestHash(),
                    screening.receivedAt(), screening.ruleSet().version(), screening.ruleSet().checksum(),
                    screening.decisions().size(), screening.response());
            for (RecordedScreening.Decision d : screening.decisions()) {
                OrderInput order = d.order();
                decisions.row(screening.requestId(), d.line(), text(order.orderId()), text(order.accountId()),
                        d.householdId(), text(order.symbol()), text(order.side()), text(order.quantity()), text(order.limitPrice()),
                        d.verdict(), screening.ruleSet().version(), screening.ruleSet().checksum(), screening.decidedAt());
            }
            records.addAll(screening.auditRecords());
        }
        requests.execute(connection);
        decisions.execute(connection);
        audit.append(connection, records);
    }

    /**
     * A request's read, in one statement: the versions of the book's reference data and households (see
     * {@link KeptBook}) and the request stored under the client's Idempotency-Key, if any.
     */
    Lookup lookup(Connection connection, String clientId, String idempotencyKey) throws SQLException {
        Key key = new Key(clientId, idempotencyKey);
        return lookups(connection, List.of(key)).get(key);
    }

    /** What {@link #lookup} found. */
    record Lookup(KeptBook.Versions versions, Optional<StoredScreening> stored) {
    }

    /** A client's Idempotency-Key (null: the request came without one, and nothing is stored under it). */
    record Key(String clientId, String idempotencyKey) {
    }

    /**
     * {@link #lookup} for many requests in one statement: the versions, which every request gets, and the requests
     * stored under any of their keys. One row per key found, or one row of versions only.
     */
    Map<Key, Lookup> lookups(Connection connection, Collection<Key> keys) throws SQLException {
        List<Key> keyed = keys.stream().filter(k -> k.idempotencyKey() != null).distinct().toList();
        Map<Key, StoredScreening> stored = new HashMap<>();
        // a group of many single orders reads its keys a statement per MAX_KEYS; in the caller's transaction every
        // statement reads the same snapshot, so the first one's versions are everyone's
        KeptBook.Versions versions = lookups(connection, keyed.subList(0, Math.min(keyed.size(), MAX_KEYS)), stored);
        for (int from = MAX_KEYS; from < keyed.size(); from += MAX_KEYS) {
            lookups(connection, keyed.subList(from, Math.min(keyed.size(), from + MAX_KEYS)), stored);
        }
        Map<Key, Lookup> found = new HashMap<>();
        for (Key key : keys) {
            found.put(key, new Lookup(versions, Optional.ofNullable(stored.get(key))));
        }
        return found;
    }

    /** One statement: the versions, and the requests stored under these keys (into {@code stored}). */
    private static KeptBook.Versions lookups(Connection connection, List<Key> keyed, Map<Key, StoredScreening> stored)
            throws SQLException {
        // without a key there is nothing to look up: no join at all (an always-false join condition reads the whole table)
        String sql = keyed.isEmpty() ? """
                SELECT v.version, h.version, NULL, NULL, NULL, NULL, NULL
                FROM reference_data_version v JOIN household_data_version h ON h.id = 1
                WHERE v.id = 1""" : """
                SELECT v.version, h.version, r.client_id, r.idempotency_key, r.request_id, r.request_hash, r.response
                FROM reference_data_version v JOIN household_data_version h ON h.id = 1
                LEFT JOIN screening_request r ON %s
                WHERE v.id = 1""".formatted(String.join(" OR ",
                Collections.nCopies(keyed.size(), "(r.client_id = ? AND r.idempotency_key = ?)")));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int at = 1;
            for (Key key : keyed) {
                statement.setString(at++, key.clientId());
                statement.setString(at++, key.idempotencyKey());
            }
            KeptBook.Versions versions = null;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    versions = new KeptBook.Versions(rs.getLong(1), rs.getLong(2));
                    if (rs.getString(5) != null) {
                        stored.put(new Key(rs.getString(3), rs.getString(4)), new StoredScreening(rs.getString(5), rs.getString(6),
                                rs.getBytes(7)));
                    }
                }
            }
            if (versions == null) {
                throw new IllegalStateException("the book's version rows are missing: the schema was not migrated");
            }
            return versions;
        }
    }

    Optional<byte[]> response(Connection connection, String requestId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT response FROM screening_request WHERE request_id = ?")) {
            statement.setString(1, requestId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    Optional<DecisionRow> decision(Connection connection, DecisionId id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT d.order_id, d.verdict, d.rule_set_version, d.rule_set_checksum, d.decided_at, a.seq, r.client_id,
                       r.idempotency_key, a.rule_sets, a.input_hash, a.payload, r.response
                FROM order_decision d JOIN screening_request r ON r.request_id = d.request_id
                JOIN audit_entry a ON a.subject = ? AND a.entry_type = 'ORDER_DECISION'
                WHERE d.request_id = ? AND d.line_no = ?""")) {
            statement.setString(1, id.toString());
            statement.setString(2, id.requestId());
            statement.setInt(3, id.line());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DecisionRow(id.toString(), id.requestId(), id.line(), rs.getString(1), rs.getString(2),
                        rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getBytes(12)));
            }
        }
    }

    /** Who sent a screening request (the order system's username), and the household of a decision's account. */
    record Ownership(String clientId, String householdId) {
    }

    Optional<Ownership> requestOwner(Connection connection, String requestId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT client_id, NULL FROM screening_request WHERE request_id = ?")) {
            statement.setString(1, requestId);
            return owner(statement);
        }
    }

    Optional<Ownership> decisionOwner(Connection connection, DecisionId id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT r.client_id, d.household_id FROM order_decision d JOIN screening_request r ON r.request_id = d.request_id
                WHERE d.request_id = ? AND d.line_no = ?""")) {
            statement.setString(1, id.requestId());
            statement.setInt(2, id.line());
            return owner(statement);
        }
    }

    private static Optional<Ownership> owner(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(new Ownership(rs.getString(1), rs.getString(2))) : Optional.empty();
        }
    }


    /** The order_decision columns keep the order as received; an absent value is kept as "" there (null in the JSON). */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
