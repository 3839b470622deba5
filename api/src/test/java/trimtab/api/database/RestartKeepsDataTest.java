package trimtab.api.database;

import io.micronaut.http.HttpRequest;
import trimtab.api.TestUsers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.audit.ChainVerification;
import trimtab.api.audit.Hashes;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.engine.book.BookSnapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the service and its embedded MariaDB and starting them again on the same data folder keeps the book
 * and the audit trail: the data folder is the database, not a scratch copy.
 */
class RestartKeepsDataTest {
    private static final Path FOLDER = Path.of("target/test-mariadb-restart");

    @Test
    void aRestartOnTheSameFolderKeepsTheBookAndTheAuditChain() {
        BookSnapshot demo = TestBooks.demo();
        int port;
        try (EmbeddedServer server = start(true)) {
            ApplicationContext context = server.getApplicationContext();
            TestBooks.load(context.getBean(Transactions.class), context.getBean(BookWriter.class), demo);
            context.getBean(AuditTrail.class).append(List.of(new AuditRecord("IMPORT", "restart-test", "ops",
                    "none", Hashes.sha256("book"), "{}")));
            port = EmbeddedMariaDb.startOrGet(FOLDER, "trimtab", false).port();
        }
        EmbeddedMariaDb.stop(FOLDER);

        try (EmbeddedServer server = start(false)) {
            ApplicationContext context = server.getApplicationContext();
            int restartedPort = EmbeddedMariaDb.startOrGet(FOLDER, "trimtab", false).port();
            BookSnapshot read = context.getBean(BookSnapshots.class).load(demo.asOf(), HouseholdSelection.all());
            assertThat(read.households()).extracting(h -> h.id().value())
                    .containsExactlyElementsOf(demo.households().stream().map(h -> h.id().value()).sorted().toList());
            TestUsers users = context.getBean(TestUsers.class);
            // the administrator created on the first start can still log in: users are kept with the book
            assertThat(users.login(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).isNotBlank();
            try (HttpClient client = HttpClient.create(server.getURL())) {
                ChainVerification chain = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit/verify")
                        .bearerAuth(users.token(TestUsers.OFFICER)), ChainVerification.class);
                assertThat(chain.intact()).isTrue();
                // three entries for the shipped rule sets put in force on installation, the administrator created on
                // the first start, the test's own, then the officer created to read the chain
                assertThat(chain.headSeq()).isEqualTo(6);
            }
            assertThat(restartedPort).as("a new server process, not the old one").isPositive();
            assertThat(port).isPositive();
        } finally {
            EmbeddedMariaDb.stop(FOLDER);
        }
    }

    private static EmbeddedServer start(boolean fresh) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "trimtab.embedded-db.folder", FOLDER.toString(),
                "trimtab.embedded-db.fresh", fresh), "test");
    }
}
