package trimtab.api.rulesets.activation;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import trimtab.api.TestBooks;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.CandidateWorkbooks;
import trimtab.api.rulesets.LifecycleHttp;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.ScreenedOrders;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.rules.ShippedRules;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activation while the order system screens without pause: 4 client threads post {@link ScreenedOrders}' order one
 * request after another for about 5 seconds, and version 2 of the guardrails (TRADE-MAX-01 at 25,000) is activated
 * after about 2. No request fails, and the decisions, in the order of the audit trail, record version 1 (PASS) and
 * then version 2 (REQUIRE_APPROVAL), switching once.
 */
@MicronautTest(transactional = false)
@Property(name = "trimtab.embedded-db.folder", value = "target/test-mariadb-hot-swap")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotSwapUnderLoadTest {
    private static final int THREADS = 4;
    private static final long LOAD_MILLIS = 5_000;
    private static final long ACTIVATE_AFTER_MILLIS = 2_000;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;
    @Inject
    RuleSetStore store;
    @Inject
    RuleSetsInForce inForce;

    /** One persisted decision of the load. */
    record Decision(long auditSeq, int version, String checksum, String verdict) {
    }

    @Test
    @Order(1) // the first version stored here is version 2
    void activatingUnderLoadFailsNoRequestAndTheRecordedVersionSwitchesOnceFromOneToTwo() throws Exception {
        TestBooks.load(transactions, writer, TestBooks.demo());
        Workbook lowered = CandidateWorkbooks.guardrailsWithMaxNotional("25000");
        int version = CandidateWorkbooks.store(transactions, store, TableKind.GUARDRAILS, lowered, "uma", "trade-size policy");
        assertThat(version).isEqualTo(2);
        LifecycleHttp http = new LifecycleHttp(client, json);
        assertThat(http.post("/api/v1/rule-sets/guardrails/versions/2/approval", "{\"reason\": \"reviewed\"}", "olga").status())
                .isEqualTo(201);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            String clientId = "oms-load-" + t;
            clients.add(pool.submit(() -> {
                while (running.get()) {
                    statuses.computeIfAbsent(screen(clientId), s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        Thread.sleep(ACTIVATE_AFTER_MILLIS);
        long activationStart = System.nanoTime();
        LifecycleHttp.Answer activated = http.post("/api/v1/rule-sets/guardrails/versions/2/activation",
                "{\"reason\": \"under load\"}", "pete");
        long activationMillis = (System.nanoTime() - activationStart) / 1_000_000;
        Thread.sleep(Math.max(0, LOAD_MILLIS - (System.nanoTime() - start) / 1_000_000));
        running.set(false);
        for (Future<?> f : clients) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);

        int requests = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(statuses.keySet()).as("every response is 200: %s", statuses).containsExactly(200);

        List<Decision> decisions = loadDecisions();
        assertThat(decisions).hasSize(requests);
        String shipped = ShippedRules.workbook(TableKind.GUARDRAILS).sha256();
        int switches = 0;
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            // each request judged with one rule set throughout: the version it records is the one that decided
            if (d.version() == 1) {
                assertThat(d).isEqualTo(new Decision(d.auditSeq(), 1, shipped, "PASS"));
            } else {
                assertThat(d).isEqualTo(new Decision(d.auditSeq(), 2, lowered.sha256(), "REQUIRE_APPROVAL"));
            }
            if (i > 0 && d.version() != decisions.get(i - 1).version()) {
                switches++;
                assertThat(d.version()).as("never back to version 1, at audit seq %d", d.auditSeq()).isEqualTo(2);
            }
        }
        long onVersion1 = decisions.stream().filter(d -> d.version() == 1).count();
        assertThat(onVersion1).isPositive();
        assertThat(decisions.size() - onVersion1).isPositive();
        assertThat(switches).isEqualTo(1);
        System.out.printf("Hot swap under load: %d requests on %d threads in %d ms (%.0f/s), all 200; %d decided by version 1, "
                        + "then %d by version 2; the activation request took %d ms%n", requests, THREADS, elapsedMillis,
                requests * 1000.0 / elapsedMillis, onVersion1, decisions.size() - onVersion1, activationMillis);
    }

    /**
     * Why the order above holds: a request that took the rule sets in force (its lease) and has not yet recorded its
     * decisions holds the swap back, so no decision of the new version can commit before it.
     */
    @Test
    @Order(2)
    void aSwapWaitsForARequestStillRecordingOnThePreviousRules() throws Exception {
        int before = inForce.current().guardrails().version().version();
        int version = CandidateWorkbooks.store(transactions, store, TableKind.GUARDRAILS,
                CandidateWorkbooks.guardrailsWithMaxNotional("30000"), "uma", "another limit");
        LifecycleHttp http = new LifecycleHttp(client, json);
        assertThat(http.post("/api/v1/rule-sets/guardrails/versions/" + version + "/approval", "{\"reason\": \"ok\"}", "olga").status())
                .isEqualTo(201);

        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<LifecycleHttp.Answer> activation;
            try (RuleSetsInForce.Lease inFlight = inForce.lease()) {
                activation = background.submit(() -> http.post("/api/v1/rule-sets/guardrails/versions/" + version + "/activation",
                        "{\"reason\": \"while a request records\"}", "pete"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (activeGuardrails() != version && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(activeGuardrails()).as("the activation is committed").isEqualTo(version);
                Thread.sleep(200);
                assertThat(activation.isDone()).as("the activation waits for the swap").isFalse();
                assertThat(inForce.current().guardrails().version().version()).as("not swapped while a request records")
                        .isEqualTo(before);
                assertThat(inFlight.rules().guardrails().version().version()).isEqualTo(before);
            }
            assertThat(activation.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(inForce.current().guardrails().version().version()).isEqualTo(version);
        } finally {
            background.shutdownNow();
        }
    }

    private int activeGuardrails() {
        return transactions.read(connection -> store.activeVersions(connection).get(TableKind.GUARDRAILS));
    }

    private int screen(String clientId) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/screen?asOf="
                    + ScreenedOrders.AS_OF, ScreenedOrders.BODY).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("X-Test-User", clientId), String.class);
            return response.code();
        } catch (HttpClientResponseException e) {
            return e.code();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private List<Decision> loadDecisions() {
        return transactions.read(connection -> {
            List<Decision> decisions = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT e.seq, d.rule_set_version, d.rule_set_checksum, d.verdict
                    FROM order_decision d JOIN screening_request r ON r.request_id = d.request_id
                    JOIN audit_entry e ON e.subject = d.decision_id AND e.entry_type = 'ORDER_DECISION'
                    WHERE r.client_id LIKE 'oms-load-%' ORDER BY e.seq""");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    decisions.add(new Decision(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
            return decisions;
        });
    }
}
