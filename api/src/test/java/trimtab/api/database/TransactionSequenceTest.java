package trimtab.api.database;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Transactions#inSequence}: each write is its own transaction on the one connection, committed or rolled back. */
@MicronautTest(transactional = false)
class TransactionSequenceTest {
    @Inject
    Transactions transactions;

    @BeforeEach
    void emptyTable() {
        transactions.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS sequence_test (id INT NOT NULL PRIMARY KEY) ENGINE = InnoDB");
                statement.execute("DELETE FROM sequence_test");
            }
            return null;
        });
    }

    @Test
    void eachWriteCommitsOnItsOwnAndAFailedOneLeavesNothingBehind() {
        List<List<Integer>> seenFromElsewhere = new ArrayList<>();
        List<Long> connectionIds = new ArrayList<>();
        transactions.inSequence(sequence -> {
            sequence.write(connection -> insert(connection, 1));
            connectionIds.add(sequence.write(TransactionSequenceTest::connectionId));
            connectionIds.add(transactions.read(TransactionSequenceTest::connectionId));
            seenFromElsewhere.add(ids());
            assertThatThrownBy(() -> sequence.write(connection -> {
                insert(connection, 2);
                return insert(connection, 1); // a duplicate key: the whole write is rolled back, row 2 too
            })).hasMessageContaining("Duplicate");
            seenFromElsewhere.add(ids());
            sequence.write(connection -> insert(connection, 3));
        });

        assertThat(seenFromElsewhere).as("another connection sees each write once it returned")
                .containsExactly(List.of(1), List.of(1));
        assertThat(ids()).containsExactly(1, 3);
        assertThat(connectionIds.get(1)).as("a transaction begun inside the sequence is not on its connection")
                .isNotEqualTo(connectionIds.get(0));
    }

    private static long connectionId(java.sql.Connection connection) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int insert(java.sql.Connection connection, int id) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sequence_test (id) VALUES (?)")) {
            statement.setInt(1, id);
            return statement.executeUpdate();
        }
    }

    private List<Integer> ids() {
        return transactions.read(connection -> {
            List<Integer> ids = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id FROM sequence_test ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            return ids;
        });
    }
}
