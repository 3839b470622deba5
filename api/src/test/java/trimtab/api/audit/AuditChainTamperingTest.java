package trimtab.api.audit;

import trimtab.api.TestUsers;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import trimtab.api.database.Transactions;

import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain on a database of its own (tampering would break the shared one): appended entries verify,
 * the database refuses to change them, and a row altered by someone who drops that protection is named.
 */
@MicronautTest(transactional = false)
@Property(name = "trimtab.embedded-db.folder", value = "target/test-mariadb-tampering")
class AuditChainTamperingTest {
    @Inject
    AuditTrail trail;
    @Inject
    Transactions transactions;
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestUsers users;

    @Test
    void theChainVerifiesTheDatabaseRefusesChangesAndAnAlteredRowIsNamed() {
        // the officer who reads the chain exists before counting (creating a user is itself an audit entry)
        users.token(TestUsers.OFFICER);
        // the installation's own entries (the shipped rule sets put in force, the first users) come first
        long installed = trail.verify().headSeq();
        List<Long> first = trail.append(records("first", 3));
        List<Long> second = trail.append(records("second", 2));
        assertThat(first).containsExactly(installed + 1, installed + 2, installed + 3);
        assertThat(second).containsExactly(installed + 4, installed + 5);

        ChainVerification intact = client.toBlocking().retrieve("/api/v1/audit/verify", ChainVerification.class);
        assertThat(intact).isEqualTo(new ChainVerification(true, installed + 5, installed + 5, null, null));

        assertThatThrownBy(() -> execute("UPDATE audit_entry SET actor = 'mallory' WHERE seq = " + first.get(1)))
                .hasMessageContaining("audit entries are append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_entry WHERE seq = " + second.get(1)))
                .hasMessageContaining("audit entries are append-only");

        long altered = second.get(0);
        execute("DROP TRIGGER audit_entry_no_update");
        execute("UPDATE audit_entry SET payload = '{\"verdict\":\"PASS\"}' WHERE seq = " + altered);
        ChainVerification broken = client.toBlocking().retrieve("/api/v1/audit/verify", ChainVerification.class);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(altered);
        assertThat(broken.entriesChecked()).isEqualTo(altered - 1);
        assertThat(broken.problem()).isEqualTo("entry " + altered
                + " was altered after it was written (its content no longer matches its hash)");
    }

    private static List<AuditRecord> records(String batch, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new AuditRecord("ORDER_DECISION", batch + "-" + i, "order-system",
                "GUARDRAILS:1:" + "ab".repeat(32), Hashes.sha256(batch + i), "{\"verdict\":\"BLOCK\",\"n\":" + i + "}")).toList();
    }

    private void execute(String sql) {
        transactions.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

}
