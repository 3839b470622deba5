package trimtab.api.database;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V12 and V13 on a database that already holds screening decisions and audit entries (written as the service wrote
 * them under V11): every value comes through unchanged, so the audit chain's hashes still verify and a stored answer
 * is replayed byte for byte, a decision is found by the request and line its id names, and Idempotency-Keys are
 * compared exactly from then on.
 */
class ScreeningKeysMigrationTest {
    private static final Path FOLDER = Path.of("target", "test-mariadb-v12");
    private static final String REQUEST = "019ac0de-7f3a-7b21-9c4e-2f1d8e6a5b43";
    private static final String HASH_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String HASH_B = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    /** An answer as the service stored it under V11, as text; it names a household with a non-ASCII character. */
    private static final String ANSWER = "{\"requestId\":\"" + REQUEST + "\",\"verdicts\":[{\"explanation\":\"H-Zoë holds 12.5 % in VTI\"}]}";
    private static EmbeddedMariaDb server;

    @BeforeAll
    static void databaseAtV11WithDecisions() throws SQLException {
        server = EmbeddedMariaDb.startOrGet(FOLDER, "trimtab_v12", true);
        flyway("11").migrate();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO screening_request (request_id, client_id, idempotency_key, request_hash, received_at, "
                    + "rule_set_version, rule_set_checksum, order_count, response) VALUES ('" + REQUEST + "', 'oms', 'Batch-7', '"
                    + HASH_A + "', '2026-11-25 14:30:15.123456', 3, '" + HASH_B + "', 2, '" + ANSWER + "')");
            for (int line = 1; line <= 2; line++) {
                s.executeUpdate("INSERT INTO order_decision (decision_id, request_id, line_no, order_id, account_id, household_id, "
                        + "symbol, side, quantity, price, verdict, rule_set_version, rule_set_checksum, decided_at) VALUES ('"
                        + REQUEST + "-" + line + "', '" + REQUEST + "', " + line + ", 'O-" + line + "', 'ACC-1001-TX', 'H-Zoë', "
                        + "'VTI', 'BUY', '10', '', '" + (line == 1 ? "PASS" : "BLOCK") + "', 3, '" + HASH_B
                        + "', '2026-11-25 14:30:15.200000')");
            }
            s.executeUpdate("INSERT INTO audit_entry (seq, entry_type, subject, actor, rule_sets, input_hash, payload, recorded_at, "
                    + "prev_hash, entry_hash) VALUES (1, 'ORDER_DECISION', '" + REQUEST + "-1', 'oms', 'GUARDRAILS v3', '" + HASH_A
                    + "', '{\"verdict\":\"PASS\"}', '2026-11-25 14:30:15.300000', '" + "0".repeat(64) + "', '" + HASH_B + "'), "
                    + "(2, 'USER_CHANGED', 'user:zoë', 'admin', 'none', 'none', '{}', '2026-11-25 14:31:00.000000', '" + HASH_B
                    + "', '" + HASH_A + "')");
        }
        flyway(null).migrate();
    }

    @AfterAll
    static void stop() {
        EmbeddedMariaDb.stop(FOLDER);
    }

    @Test
    void decisionsAreFoundByTheRequestAndLineTheirIdsName() throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT decision_id, verdict, household_id FROM order_decision WHERE request_id = ? AND line_no = ?")) {
            s.setString(1, REQUEST);
            s.setInt(2, 2);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(REQUEST + "-2");
                assertThat(rs.getString(2)).isEqualTo("BLOCK");
                assertThat(rs.getString(3)).isEqualTo("H-Zoë");
            }
        }
        assertThatThrownBy(() -> {
            try (Connection c = connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO order_decision (request_id, line_no, order_id, account_id, household_id, symbol, side, "
                        + "quantity, price, verdict, rule_set_version, rule_set_checksum, decided_at) VALUES ('no-such-request', 1, "
                        + "'O-1', 'A', NULL, 'VTI', 'BUY', '1', '', 'PASS', 3, '" + HASH_B + "', '2026-11-25 14:30:15')");
            }
        }).as("a decision still needs its request").hasMessageContaining("foreign key constraint fails");
    }

    @Test
    void auditEntriesKeepEveryValueSoTheirHashesStillVerify() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq, entry_type, subject, input_hash, prev_hash, entry_hash FROM audit_entry ORDER BY seq")) {
            while (rs.next()) {
                rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        assertThat(rows).containsExactly(
                String.join("|", "1", "ORDER_DECISION", REQUEST + "-1", HASH_A, "0".repeat(64), HASH_B),
                String.join("|", "2", "USER_CHANGED", "user:zoë", "none", HASH_B, HASH_A));
    }

    @Test
    void aStoredAnswerKeepsItsUtf8BytesAsABlob() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT response, DATA_TYPE FROM screening_request JOIN information_schema.COLUMNS ON TABLE_SCHEMA = DATABASE() "
                        + "AND TABLE_NAME = 'screening_request' AND COLUMN_NAME = 'response'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("longblob");
            // "ë" is the two bytes C3 AB, as it was in the utf8mb4 text
            assertThat(rs.getBytes(1)).isEqualTo(ANSWER.getBytes(StandardCharsets.UTF_8)).contains((byte) 0xC3, (byte) 0xAB);
        }
    }

    @Test
    void anIdempotencyKeyIsFoundOnlyAsItWasSent() throws SQLException {
        assertThat(requestUnderKey("Batch-7")).isEqualTo(REQUEST);
        assertThat(requestUnderKey("batch-7")).as("was the same key under the case-folding collation").isNull();
    }

    private static String requestUnderKey(String key) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT request_id FROM screening_request WHERE client_id = 'oms' AND idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(server.jdbcUrl("trimtab_v12"), "root", "")
                .locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("trimtab_v12"), "root", "");
    }
}
