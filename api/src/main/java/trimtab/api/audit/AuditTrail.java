package trimtab.api.audit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import trimtab.api.database.MultiRowInsert;
import trimtab.api.database.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only, hash-chained record of decisions, approvals and runs.
 *
 * <p>Appending locks the chain's head row, so entries from any number of threads and service instances get
 * consecutive sequence numbers and each entry's hash covers the previous one's: {@code entry_hash =
 * SHA-256(prev_hash, seq, type, subject, actor, rule sets, input hash, payload, time)}. Appends happen inside the
 * caller's transaction, so an entry exists exactly when the decision it records does, and the records of one
 * request go in one multi-row insert.
 */
@Singleton
public final class AuditTrail {
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    AuditTrail(Transactions transactions) {
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    /**
     * Appends records in order on the caller's connection (inside its transaction) and returns their sequence
     * numbers. The head stays locked until that transaction ends, so keep the rest of it short.
     */
    public List<Long> append(Connection connection, List<AuditRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return List.of();
        }
        long seq;
        String hash;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the audit chain head is missing: the schema was not migrated");
            }
            seq = rs.getLong(1);
            hash = rs.getString(2);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        MultiRowInsert insert = MultiRowInsert.into("audit_entry", "seq", "entry_type", "subject", "actor", "rule_sets",
                "input_hash", "payload", "recorded_at", "prev_hash", "entry_hash");
        List<Long> seqs = new ArrayList<>(records.size());
        for (AuditRecord record : records) {
            seq++;
            String entryHash = entryHash(hash, seq, record, now);
            insert.row(seq, record.entryType(), record.subject(), record.actor(), record.ruleSets(), record.inputHash(),
                    record.payload(), now, hash, entryHash);
            seqs.add(seq);
            hash = entryHash;
        }
        insert.execute(connection);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            update.setLong(1, seq);
            update.setString(2, hash);
            update.executeUpdate();
        }
        return seqs;
    }

    /** Appends in a transaction of its own. */
    public List<Long> append(List<AuditRecord> records) {
        return transactions.write(connection -> append(connection, records));
    }

    /**
     * Walks the chain from its first entry: each entry must follow the previous one's sequence number, name
     * its hash, and hash to what it says; the last must be the head. Names the first entry that does not.
     */
    public ChainVerification verify() {
        return transactions.read(connection -> {
            long headSeq;
            String headHash;
            try (PreparedStatement head = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                 ResultSet rs = head.executeQuery()) {
                rs.next();
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            long expectedSeq = 1;
            String previousHash = ChainStart.HASH;
            long checked = 0;
            try (PreparedStatement entries = connection.prepareStatement("""
                    SELECT seq, entry_type, subject, actor, rule_sets, input_hash, payload, recorded_at, prev_hash, entry_hash
                    FROM audit_entry ORDER BY seq""")) {
                entries.setFetchSize(1000);
                try (ResultSet rs = entries.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        if (seq != expectedSeq) {
                            return ChainVerification.broken(checked, headSeq, expectedSeq,
                                    "entry " + expectedSeq + " is missing (the next entry found is " + seq + ")");
                        }
                        AuditRecord record = new AuditRecord(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7));
                        Instant recordedAt = rs.getTimestamp(8).toInstant();
                        if (!previousHash.equals(rs.getString(9))) {
                            return ChainVerification.broken(checked, headSeq, seq, "entry " + seq
                                    + " does not link to the entry before it (its previous hash differs)");
                        }
                        String recomputed = entryHash(previousHash, seq, record, recordedAt);
                        if (!recomputed.equals(rs.getString(10))) {
                            return ChainVerification.broken(checked, headSeq, seq, "entry " + seq
                                    + " was altered after it was written (its content no longer matches its hash)");
                        }
                        previousHash = recomputed;
                        expectedSeq++;
                        checked++;
                    }
                }
            }
            if (checked != headSeq || !previousHash.equals(headHash)) {
                return ChainVerification.broken(checked, headSeq, checked + 1, "the chain ends at entry " + checked
                        + " but its head says " + headSeq + ": entries were removed from the end");
            }
            return ChainVerification.intact(checked, headSeq);
        });
    }

    /** The entries about one subject, oldest first. */
    public List<AuditEntry> about(String subject) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT seq, entry_type, subject, actor, rule_sets, input_hash, payload, recorded_at, prev_hash, entry_hash
                    FROM audit_entry WHERE subject = ? ORDER BY seq""")) {
                statement.setString(1, subject);
                return entries(statement);
            }
        });
    }

    /** Entries after a sequence number, optionally of one type, oldest first. */
    public List<AuditEntry> page(long afterSeq, String entryType, int limit) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT seq, entry_type, subject, actor, rule_sets, input_hash, payload, recorded_at, prev_hash, entry_hash
                    FROM audit_entry WHERE seq > ? AND (? IS NULL OR entry_type = ?) ORDER BY seq LIMIT ?""")) {
                statement.setLong(1, afterSeq);
                statement.setString(2, entryType);
                statement.setString(3, entryType);
                statement.setInt(4, limit);
                return entries(statement);
            }
        });
    }

    private static List<AuditEntry> entries(PreparedStatement statement) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Timestamp recordedAt = rs.getTimestamp(8);
                entries.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), recordedAt.toInstant(), rs.getString(9), rs.getString(10)));
            }
        }
        return entries;
    }

    static String entryHash(String previousHash, long seq, AuditRecord record, Instant recordedAt) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt);
        return Hashes.sha256Lines(previousHash, Long.toString(seq), record.entryType(), record.subject(), record.actor(),
                record.ruleSets(), record.inputHash(), record.payload(), Long.toString(micros));
    }

    /** The hash the first entry links to. */
    private static final class ChainStart {
        static final String HASH = "0".repeat(64);
    }
}
