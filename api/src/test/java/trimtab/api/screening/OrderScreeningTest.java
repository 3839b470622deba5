package trimtab.api.screening;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.audit.AuditEntry;
import trimtab.api.audit.AuditTrail;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.explain.ViolationView;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Symbol;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.api.screening.ScreeningHttp.body;
import static trimtab.api.screening.ScreeningHttp.count;
import static trimtab.api.screening.ScreeningHttp.get;
import static trimtab.api.screening.ScreeningHttp.screen;

/**
 * The order system screens a batch on the demo book (as of 2026-11-24, VIX 17.40) with MO on the firm's restricted
 * list, and every decision is recorded, retried safely and explained.
 */
@MicronautTest(transactional = false)
class OrderScreeningTest {
    private static final String AS_OF = "?asOf=2026-11-24";
    /*
     * O-1  BUY 10 VTI in ACC-1001-TX: 10 x 316.50 = 3,165.00 of its 4,210.55 cash; an ETF, no restriction, no IPS,
     *      no recent trades: PASS.
     * O-2  BUY 10 MO in ACC-1002-TX: MO is on the firm's restricted list: BLOCK RESTR-FIRM-01 (Restrictions row 6).
     * O-3  BUY 100 AAPL in the Okafor trust ACC-1003-TR: 100 x 271.40 = 27,140.00 of its 41,150.00 cash.
     *      Trust account: 41,150.00 + 900 VTI x 316.50 (284,850.00) + 180 VB x 251.30 (45,234.00)
     *      + 800 IEFA x 85.10 (68,080.00) + 350 IEMG x 64.30 (22,505.00) = 461,819.00; 27,140 / 461,819 = 5.88 %
     *      of the account (not above the 8 % warning). Household adds the 401(k)'s 700 AGG x 100.30 = 70,210.00:
     *      532,029.00, and 27,140 / 532,029 = 5.10 % > 5 %: REQUIRE_APPROVAL CONC-SEC-HH-01 (Concentration row 9);
     *      Apple's issuer share is the same 5.10 %, not above 8 %.
     * O-4  SELL -5 BND in ACC-1004-ROTH: BLOCK DATA-INPUT-01 (Data row 6), "quantity -5 is not positive".
     * O-5  BUY 10 VTI in ACC-NOPE-9, which is not in the book: BLOCK DATA-ACCT-01 (Data row 7).
     */
    private static final String BATCH = """
            {"orders": [
              {"orderId": "O-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 10},
              {"orderId": "O-2", "accountId": "ACC-1002-TX", "symbol": "MO", "side": "BUY", "quantity": "10"},
              {"orderId": "O-3", "accountId": "ACC-1003-TR", "symbol": "AAPL", "side": "BUY", "quantity": 100},
              {"orderId": "O-4", "accountId": "ACC-1004-ROTH", "symbol": "BND", "side": "SELL", "quantity": -5},
              {"orderId": "O-5", "accountId": "ACC-NOPE-9", "symbol": "VTI", "side": "BUY", "quantity": 10, "automated": false}
            ]}""";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;
    @Inject
    AuditTrail audit;
    @Inject
    RuleSetsInForce rules;
    @Inject
    JsonMapper json;

    @BeforeEach
    void demoBookWithMoRestricted() {
        TestBooks.load(transactions, writer, TestBooks.demo());
        transactions.write(c -> {
            writer.firmRestrictions(c, List.of(new Restriction(Symbol.of("MO"), "tobacco exclusion policy")));
            return null;
        });
    }

    @AfterEach
    void demoBookRestrictsNothing() {
        transactions.write(c -> {
            writer.firmRestrictions(c, List.of());
            return null;
        });
    }

    @Test
    void everyOrderGetsItsVerdictInTheOrderSentAndEveryDecisionIsRecordedWithItsAuditEntry() throws Exception {
        HttpResponse<String> answer = screen(client, AS_OF, key(), BATCH);
        assertThat(answer.code()).as(body(answer)).isEqualTo(200);
        ScreeningResponse response = json.readValue(body(answer), ScreeningResponse.class);

        String checksum = rules.current().guardrails().version().checksum();
        assertThat(response.ruleSet()).isEqualTo(new RuleSetView("GUARDRAILS", 1, checksum));
        assertThat(response.asOf()).isEqualTo("2026-11-24");
        assertThat(response.verdicts()).extracting(OrderVerdictView::orderId).containsExactly("O-1", "O-2", "O-3", "O-4", "O-5");
        assertThat(response.verdicts()).extracting(OrderVerdictView::verdict)
                .containsExactly("PASS", "BLOCK", "REQUIRE_APPROVAL", "BLOCK", "BLOCK");
        assertThat(response.verdicts().get(0).violations()).isEmpty();

        ViolationView restricted = only(response.verdicts().get(1));
        assertThat(restricted.ruleId()).isEqualTo("RESTR-FIRM-01");
        assertThat(restricted.severity()).isEqualTo("BLOCK");
        assertThat(restricted.explanation().sheet()).isEqualTo("Restrictions");
        assertThat(restricted.explanation().row()).isEqualTo(6);
        assertThat(restricted.explanation().message())
                .isEqualTo("MO is on the firm's restricted list (tobacco exclusion policy): it may not be traded.");

        ViolationView concentrated = only(response.verdicts().get(2));
        assertThat(concentrated.ruleId()).isEqualTo("CONC-SEC-HH-01");
        assertThat(concentrated.severity()).isEqualTo("REQUIRE_APPROVAL");
        assertThat(concentrated.explanation().row()).isEqualTo(9);
        assertThat(concentrated.explanation().message())
                .isEqualTo("AAPL would be 5.10 % of household H-1003 after this batch, above 5 %: a compliance officer must approve.");

        ViolationView unreadable = only(response.verdicts().get(3));
        assertThat(unreadable.ruleId()).isEqualTo("DATA-INPUT-01");
        assertThat(unreadable.explanation().message()).isEqualTo("Order O-4 cannot be screened: quantity -5 is not positive.");
        ViolationView unknownAccount = only(response.verdicts().get(4));
        assertThat(unknownAccount.ruleId()).isEqualTo("DATA-ACCT-01");
        assertThat(unknownAccount.explanation().message()).isEqualTo("Order O-5 names account ACC-NOPE-9, which is not in the book.");

        String requestId = response.requestId();
        assertThat(count(transactions, "SELECT COUNT(*) FROM screening_request WHERE request_id = ?", requestId)).isEqualTo(1);
        assertThat(count(transactions, "SELECT COUNT(*) FROM order_decision WHERE request_id = ?", requestId)).isEqualTo(5);
        assertThat(count(transactions, "SELECT COUNT(*) FROM order_decision WHERE request_id = ? AND verdict = 'BLOCK'", requestId))
                .isEqualTo(3);
        for (OrderVerdictView verdict : response.verdicts()) {
            List<AuditEntry> entries = audit.about(verdict.decisionId());
            assertThat(entries).as(verdict.decisionId()).hasSize(1);
            AuditEntry entry = entries.get(0);
            assertThat(entry.entryType()).isEqualTo("ORDER_DECISION");
            assertThat(entry.actor()).isEqualTo(ScreeningHttp.CLIENT);
            assertThat(entry.ruleSets()).contains("GUARDRAILS:1:" + checksum);
            assertThat(entry.inputHash()).matches("[0-9a-f]{64}");
            assertThat(entry.payload()).contains("\"verdict\":\"" + verdict.verdict() + "\"");
            assertThat(count(transactions, "SELECT COUNT(*) FROM order_decision WHERE decision_id = ? AND verdict = '"
                    + verdict.verdict() + "'", verdict.decisionId())).isEqualTo(1);
        }
        List<AuditEntry> requestEntries = audit.about(requestId);
        assertThat(requestEntries).extracting(AuditEntry::entryType).containsExactly("SCREENING_REQUEST");
        assertThat(requestEntries.get(0).payload()).contains(trimtab.api.audit.Hashes.sha256(body(answer)));

        Map<?, ?> verification = json.readValue(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit/verify"), String.class), Map.class);
        assertThat(verification.get("intact")).as(verification.toString()).isEqualTo(true);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameBytesAndWritesNothingWhileAnotherBodyUnderThatKeyIsAConflict() {
        String key = key();
        HttpResponse<String> first = screen(client, AS_OF, key, BATCH);
        assertThat(first.code()).isEqualTo(200);
        long requests = count(transactions, "SELECT COUNT(*) FROM screening_request");
        long decisions = count(transactions, "SELECT COUNT(*) FROM order_decision");
        long entries = count(transactions, "SELECT COUNT(*) FROM audit_entry");

        // the same orders, written differently: whitespace, and quantities as strings instead of numbers
        String reformatted = BATCH.replace("\n", "").replace("\"quantity\": 10}", "\"quantity\": \"10\"}")
                .replace("\"quantity\": 100}", "\"quantity\": \"100\"}");
        HttpResponse<String> retry = screen(client, AS_OF, key, reformatted);
        assertThat(retry.code()).isEqualTo(200);
        assertThat(body(retry)).isEqualTo(body(first));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count(transactions, "SELECT COUNT(*) FROM screening_request")).isEqualTo(requests);
        assertThat(count(transactions, "SELECT COUNT(*) FROM order_decision")).isEqualTo(decisions);
        assertThat(count(transactions, "SELECT COUNT(*) FROM audit_entry")).isEqualTo(entries);

        HttpResponse<String> other = screen(client, AS_OF, key, BATCH.replace("\"quantity\": 100}", "\"quantity\": 101}"));
        assertThat(other.code()).isEqualTo(409);
        assertThat(other.getContentType().map(Object::toString)).hasValue("application/problem+json");
        assertThat(body(other)).contains("Idempotency-Key '" + key + "'").contains("different body");
        assertThat(count(transactions, "SELECT COUNT(*) FROM screening_request")).isEqualTo(requests);

        HttpResponse<String> withoutKey = screen(client, AS_OF, null, BATCH);
        assertThat(withoutKey.code()).isEqualTo(200);
        assertThat(body(withoutKey)).isNotEqualTo(body(first));
        assertThat(count(transactions, "SELECT COUNT(*) FROM screening_request")).isEqualTo(requests + 1);
    }

    @Test
    void keysAreComparedExactlySoKeysDifferingInCaseAreTwoRequests() {
        String key = "Batch-" + key();
        HttpResponse<String> first = screen(client, AS_OF, key, BATCH);
        long requests = count(transactions, "SELECT COUNT(*) FROM screening_request");

        // an Idempotency-Key is opaque: under a case-folding collation this was taken for a retry of the first
        HttpResponse<String> other = screen(client, AS_OF, key.toLowerCase(java.util.Locale.ROOT), BATCH);
        assertThat(other.code()).isEqualTo(200);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(body(other)).isNotEqualTo(body(first));
        assertThat(count(transactions, "SELECT COUNT(*) FROM screening_request")).isEqualTo(requests + 1);
    }

    @Test
    void concurrentRequestsWithOneKeyRecordOneRequestAndAllGetItsAnswer() throws Exception {
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> sent = IntStream.range(0, 4)
                    .mapToObj(i -> pool.submit(() -> screen(client, AS_OF, key, BATCH))).toList();
            Set<String> bodies = new HashSet<>();
            for (Future<HttpResponse<String>> answer : sent) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.code()).as(body(response)).isEqualTo(200);
                bodies.add(body(response));
            }
            assertThat(bodies).hasSize(1);
            String requestId = json.readValue(bodies.iterator().next(), ScreeningResponse.class).requestId();
            assertThat(count(transactions, "SELECT COUNT(*) FROM screening_request WHERE client_id = ? AND idempotency_key = ?",
                    ScreeningHttp.CLIENT, key)).isEqualTo(1);
            assertThat(count(transactions, "SELECT COUNT(*) FROM order_decision WHERE request_id = ?", requestId)).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStoredAnswerAndWhyABlockedOrderWasBlocked() throws Exception {
        HttpResponse<String> answer = screen(client, AS_OF, key(), BATCH);
        ScreeningResponse response = json.readValue(body(answer), ScreeningResponse.class);
        assertThat(body(get(client, "/api/v1/screenings/" + response.requestId()))).isEqualTo(body(answer));

        String decisionId = response.verdicts().get(1).decisionId();
        HttpResponse<String> why = get(client, "/api/v1/decisions/" + decisionId);
        assertThat(why.code()).as(body(why)).isEqualTo(200);
        DecisionExplanation explained = json.readValue(body(why), DecisionExplanation.class);
        assertThat(explained.decisionId()).isEqualTo(decisionId);
        assertThat(explained.requestId()).isEqualTo(response.requestId());
        assertThat(explained.line()).isEqualTo(2);
        assertThat(explained.path()).isEqualTo("$.orders[1]");
        assertThat(explained.order()).isEqualTo(new OrderInput("O-2", "ACC-1002-TX", "MO", "BUY", "10", null, null));
        assertThat(explained.verdict()).isEqualTo("BLOCK");
        assertThat(explained.summary())
                .isEqualTo("Order O-2 (BUY 10 MO in account ACC-1002-TX) is blocked: it must not be routed (1 guardrail row broken).");
        ViolationView violation = explained.violations().get(0);
        assertThat(violation.explanation().workbook()).isEqualTo("guardrails.drl.xlsx");
        assertThat(violation.explanation().sheet()).isEqualTo("Restrictions");
        assertThat(violation.explanation().row()).isEqualTo(6);
        assertThat(violation.ruleId()).isEqualTo("RESTR-FIRM-01");
        assertThat(explained.reasons()).containsExactly("BLOCK: MO is on the firm's restricted list (tobacco exclusion policy): "
                + "it may not be traded. (guardrails.drl.xlsx, sheet Restrictions, row 6, rule RESTR-FIRM-01, GUARDRAILS v1)");
        assertThat(explained.ruleSet()).isEqualTo(new RuleSetView("GUARDRAILS", 1, rules.current().guardrails().version().checksum()));
        assertThat(explained.ruleSets()).isEqualTo(rules.current().recorded());
        SeenFacts facts = explained.factsSeen();
        assertThat(facts.householdId()).isEqualTo("H-1002");
        assertThat(facts.accountType()).isEqualTo("TAXABLE");
        assertThat(facts.accountCash()).isEqualTo("2500");
        assertThat(facts.securityPrice()).isEqualTo("58.6");
        assertThat(facts.firmRestricted()).isTrue();
        assertThat(facts.vix()).isEqualTo("17.4");
        assertThat(facts.batchSize()).isEqualTo(5);
        assertThat(explained.requestedBy()).isEqualTo(ScreeningHttp.CLIENT);
        AuditEntry entry = audit.about(decisionId).get(0);
        assertThat(explained.auditSeq()).isEqualTo(entry.seq());
        assertThat(explained.inputHash()).isEqualTo(entry.inputHash());

        HttpResponse<String> unknown = get(client, "/api/v1/decisions/no-such-decision");
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.getContentType().map(Object::toString)).hasValue("application/problem+json");
        assertThat(body(unknown)).contains("Decision no-such-decision does not exist");
        assertThat(get(client, "/api/v1/screenings/no-such-request").code()).isEqualTo(404);
        // ids are ASCII keys: any other character names nothing (MariaDB would refuse the comparison, not miss)
        assertThat(get(client, "/api/v1/screenings/r%C3%A9quete").code()).isEqualTo(404);
        assertThat(get(client, "/api/v1/decisions/r%C3%A9quete-1").code()).isEqualTo(404);
        assertThat(get(client, "/api/v1/decisions/" + response.requestId() + "-01").code()).as("one id per decision")
                .isEqualTo(404);
    }

    private static ViolationView only(OrderVerdictView verdict) {
        assertThat(verdict.violations()).as(verdict.orderId()).hasSize(1);
        return verdict.violations().get(0);
    }

    private static String key() {
        return "screening-test-" + UUID.randomUUID();
    }
}
