package trimtab.api.rulesets.activation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.EmbeddedMariaDb;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.CandidateWorkbooks;
import trimtab.api.rulesets.LifecycleHttp;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.ScreenedOrders;
import trimtab.api.rulesets.ScreenedOrders.Screened;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances in one JVM on one MariaDB (the same embedded-database folder, so the second start gets the
 * running server): version 2 of the guardrails is approved and activated through instance A, and instance B — which
 * learns of it only by polling the activation events — records version 2 in its screening decisions within 2 s.
 */
class TwoInstancesTest {
    private static final Path FOLDER = Path.of("target/test-mariadb-two-instances");
    private static final long WITHIN_MILLIS = 2_000;

    @Test
    void anActivationOnOneInstanceIsEnforcedByTheOtherWithinTwoSeconds() throws InterruptedException {
        try (EmbeddedServer a = start(true); EmbeddedServer b = start(false);
             HttpClient clientA = a.getApplicationContext().createBean(HttpClient.class, a.getURL());
             HttpClient clientB = b.getApplicationContext().createBean(HttpClient.class, b.getURL())) {
            ApplicationContext contextA = a.getApplicationContext();
            ApplicationContext contextB = b.getApplicationContext();
            Transactions transactions = contextA.getBean(Transactions.class);
            JsonMapper json = contextA.getBean(JsonMapper.class);
            TestBooks.load(transactions, contextA.getBean(BookWriter.class), TestBooks.demo());
            Workbook lowered = CandidateWorkbooks.guardrailsWithMaxNotional("25000");
            int version = CandidateWorkbooks.store(transactions, contextA.getBean(RuleSetStore.class), TableKind.GUARDRAILS, lowered,
                    "uma", "trade-size policy");
            assertThat(version).isEqualTo(2);

            assertThat(ScreenedOrders.screen(clientB, json, transactions, "oms-b").recordedVersion()).isEqualTo(1);
            LifecycleHttp viaA = new LifecycleHttp(clientA, json);
            assertThat(viaA.post("/api/v1/rule-sets/guardrails/versions/2/approval", "{\"reason\": \"reviewed\"}", "olga").status())
                    .isEqualTo(201);
            // B compiles approved versions ahead on its poll, as it would in the hours between approval and activation
            Thread.sleep(2_500);

            LifecycleHttp.Answer activated = viaA.post("/api/v1/rule-sets/guardrails/versions/2/activation",
                    "{\"reason\": \"trade-size policy from today\"}", "pete");
            long activatedAt = System.nanoTime();
            assertThat(activated.status()).as(activated.body()).isEqualTo(200);
            assertThat(ScreenedOrders.screen(clientA, json, transactions, "oms-a").recordedVersion()).as("A at once").isEqualTo(2);

            Screened onB;
            int polls = 0;
            do {
                onB = ScreenedOrders.screen(clientB, json, transactions, "oms-b");
                polls++;
                if (onB.recordedVersion() != 2) {
                    Thread.sleep(50);
                }
            } while (onB.recordedVersion() != 2 && (System.nanoTime() - activatedAt) / 1_000_000 < 5 * WITHIN_MILLIS);
            long tookMillis = (System.nanoTime() - activatedAt) / 1_000_000;
            System.out.printf("Instance B recorded guardrails version 2 %d ms after the activation on instance A (%d screenings)%n",
                    tookMillis, polls);
            assertThat(onB).isEqualTo(new Screened("REQUIRE_APPROVAL", "TRADE-MAX-01", 2, 2, lowered.sha256()));
            assertThat(tookMillis).isLessThan(WITHIN_MILLIS);
            assertThat(contextB.getBean(trimtab.api.rulesets.RuleSetsInForce.class).current().guardrails().version().version())
                    .isEqualTo(2);
        } finally {
            EmbeddedMariaDb.stop(FOLDER);
        }
    }

    /** An instance on the test folder; {@code fresh} (clear the folder) counts only where the server is not running yet. */
    private static EmbeddedServer start(boolean fresh) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "trimtab.embedded-db.folder", FOLDER.toString(),
                "trimtab.embedded-db.fresh", fresh), "test");
    }
}
