package trimtab.api.rulesets.shadow;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trimtab.api.TestBooks;
import trimtab.api.audit.AuditEntry;
import trimtab.api.audit.AuditTrail;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.CandidateWorkbooks;
import trimtab.api.rulesets.LifecycleHttp;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shadow runs on a database of its own holding the generated 60-household demo firm (priced today) and the
 * 5-household demo book (as of 2026-11-24). On the demo book the rules in force plan these trades (the cycle with
 * the shipped workbooks):
 * <pre>
 * H-1001 REBALANCE, automated: SELL 800 VEA 58.40 = 46,720.00 (harvest), BUY 549 IEFA 85.10 = 46,719.90 (substitute),
 *        SELL 40 VTI 12,660.00, BUY 13 BND 964.60, BUY 86 BND 6,381.20 — all PASS
 * H-1002 REVIEW (retirement), held: SELL 5 VTI 1,582.50, SELL 19 BND 1,409.80 — REQUIRE_APPROVAL (held)
 * H-1003 REBALANCE: BUY 54 BND 4,006.80 — PASS
 * H-1004 no trigger, no trade
 * H-1005 REVIEW (death of spouse), held: SELL 4000 SCHF 23.20 = 92,800.00, BUY 1589 VEA 58.40 = 92,797.60, and four
 *        trades of 128.60 to 633.00 — REQUIRE_APPROVAL (held)
 * </pre>
 * so 6 PASS and 8 REQUIRE_APPROVAL.
 */
@MicronautTest(transactional = false)
@Property(name = "trimtab.embedded-db.folder", value = "target/test-mariadb-shadow")
@Property(name = "trimtab.demo.enabled", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowRunTest {
    private static final String DEMO_BOOK = "\"asOf\": \"2026-11-24\", \"households\": [\"H-1001\", \"H-1002\", \"H-1003\", \"H-1004\", \"H-1005\"]";

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
    @Inject
    AuditTrail audit;

    private LifecycleHttp http;

    @BeforeAll
    void demoBook() {
        TestBooks.load(transactions, writer, TestBooks.demo());
        http = new LifecycleHttp(client, json);
    }

    /*
     * TRADE-MAX-01 lowered from 250,000 to 40,000. Above 40,000 are H-1001's harvest pair (46,720.00 and 46,719.90),
     * PASS before, now REQUIRE_APPROVAL by TRADE-MAX-01, and H-1005's pair (92,800.00 and 92,797.60), held for review
     * before and after, now also by TRADE-MAX-01. Every other trade is at most 12,660.00. No trigger depends on the
     * guardrails and REQUIRE_APPROVAL re-plans nothing, so hits, decisions and trades stay; H-1002, H-1003, H-1004
     * are unchanged.
     */
    @Test
    void aLowerMaximumNotionalHoldsH1001sHarvestPairAndAddsTheRowToH1005s() throws IOException {
        Workbook candidate = CandidateWorkbooks.guardrailsWithMaxNotional("40000");
        int version = CandidateWorkbooks.store(transactions, store, TableKind.GUARDRAILS, candidate, "uma", "large trades from 40,000");
        long decisionsBefore = rows("SELECT COUNT(*) FROM order_decision") + rows("SELECT COUNT(*) FROM proposed_trade");

        LifecycleHttp.Answer answer = http.post("/api/v1/rule-sets/guardrails/versions/" + version + "/shadow", "{" + DEMO_BOOK + "}", "olga");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        ShadowViews.ShadowReport report = json.readValue(answer.body(), ShadowViews.ShadowReport.class);

        assertThat(report.table()).isEqualTo("guardrails");
        assertThat(report.candidate().version()).isEqualTo(version);
        assertThat(report.candidate().sha256()).isEqualTo(candidate.sha256());
        assertThat(report.inForce()).isEqualTo(inForce.current().recorded());
        assertThat(report.asOf()).isEqualTo("2026-11-24");
        assertThat(report.totals()).isEqualTo(new ShadowViews.Totals(5, 2, 3, 0, 0, 0, 0, 0, 0, 4,
                Map.of("PASS", 6, "WARN", 0, "REQUIRE_APPROVAL", 8, "BLOCK", 0),
                Map.of("PASS", 4, "WARN", 0, "REQUIRE_APPROVAL", 10, "BLOCK", 0)));
        assertThat(report.changes()).extracting(ShadowViews.HouseholdChange::householdId).containsExactly("H-1001", "H-1005");

        ShadowViews.HouseholdChange h1001 = report.changes().get(0);
        assertThat(h1001.triggersGained()).isEmpty();
        assertThat(h1001.triggersLost()).isEmpty();
        assertThat(h1001.decision()).isNull();
        assertThat(h1001.tradesAdded()).isEmpty();
        assertThat(h1001.tradesRemoved()).isEmpty();
        assertThat(h1001.tradesChanged()).isEmpty();
        assertThat(h1001.verdictsChanged()).containsExactly(
                new ShadowViews.VerdictChange("ACC-1001-TX", "VEA", "SELL", "HARVEST", new BigDecimal("800"), "PASS", "REQUIRE_APPROVAL",
                        List.of(), List.of("TRADE-MAX-01")),
                new ShadowViews.VerdictChange("ACC-1001-TX", "IEFA", "BUY", "SUBSTITUTE", new BigDecimal("549"), "PASS",
                        "REQUIRE_APPROVAL", List.of(), List.of("TRADE-MAX-01")));

        ShadowViews.HouseholdChange h1005 = report.changes().get(1);
        assertThat(h1005.verdictsChanged()).extracting(ShadowViews.VerdictChange::symbol, ShadowViews.VerdictChange::verdictBefore,
                        ShadowViews.VerdictChange::verdictAfter, ShadowViews.VerdictChange::ruleIdsAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SCHF", "REQUIRE_APPROVAL", "REQUIRE_APPROVAL", List.of("TRADE-MAX-01")),
                        org.assertj.core.groups.Tuple.tuple("VEA", "REQUIRE_APPROVAL", "REQUIRE_APPROVAL", List.of("TRADE-MAX-01")));

        // a dry run: no decision recorded, one audit entry saying who compared what
        assertThat(rows("SELECT COUNT(*) FROM order_decision") + rows("SELECT COUNT(*) FROM proposed_trade")).isEqualTo(decisionsBefore);
        AuditEntry entry = audit.about("GUARDRAILS:" + version).get(0);
        assertThat(entry.seq()).isEqualTo(report.auditSeq());
        assertThat(entry.entryType()).isEqualTo("RULE_SET_SHADOW_RUN");
        assertThat(entry.actor()).isEqualTo("olga");
        assertThat(entry.ruleSets()).isEqualTo(inForce.current().recorded());
        assertThat(entry.payload()).contains("\"candidateVersion\":" + version, "\"candidateSha256\":\"" + candidate.sha256() + "\"",
                "\"householdsChanged\":2", "\"changedHouseholds\":[\"H-1001\",\"H-1005\"]");
        assertThat(inForce.current().guardrails().version().version()).as("nothing activated").isEqualTo(1);
    }

    /*
     * DRIFT-FIRM-01 narrowed from 10 to 8 pts. The only class of the demo book more than 8 pts off target is H-1001's
     * US_TOTAL_MARKET at +8.81 (the next is ACC-1005-TX's INTL_DEVELOPED at +7.31): H-1001 gains that hit. Its
     * decision stays REBALANCE (MULTI-01 is priority 2 too) and its plan the same.
     */
    @Test
    void aNarrowerFirmDriftLimitGivesH1001OneMoreHitAndNothingElse() throws IOException {
        int version = CandidateWorkbooks.store(transactions, store, TableKind.TRIGGERS, CandidateWorkbooks.triggersWithFirmDriftLimit("8"),
                "uma", "firm drift limit 8 pts");

        LifecycleHttp.Answer answer = http.post("/api/v1/rule-sets/triggers/versions/" + version + "/shadow", "{" + DEMO_BOOK + "}", "olga");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        ShadowViews.ShadowReport report = json.readValue(answer.body(), ShadowViews.ShadowReport.class);

        assertThat(report.totals().householdsEvaluated()).isEqualTo(5);
        assertThat(report.totals().householdsChanged()).isEqualTo(1);
        assertThat(report.totals().triggersGained()).isEqualTo(1);
        assertThat(report.totals().triggersLost() + report.totals().decisionsChanged() + report.totals().tradesAdded()
                + report.totals().tradesRemoved() + report.totals().tradesChanged() + report.totals().verdictsChanged()).isZero();
        ShadowViews.HouseholdChange h1001 = report.changes().get(0);
        assertThat(h1001.householdId()).isEqualTo("H-1001");
        assertThat(h1001.triggersGained()).containsExactly(new ShadowViews.Hit("DRIFT-FIRM-01", "REBALANCE", 2, "household H-1001",
                "US_TOTAL_MARKET", null, "US_TOTAL_MARKET is 8.81 pts above target in household H-1001: more than the firm's hard "
                + "limit of 8 pts, whatever the model's band.", "Drift", 8));
        assertThat(h1001.decision()).isNull();
    }

    @Test
    void sixtyHouseholdsAreComparedInOneRequest() throws IOException {
        int version = CandidateWorkbooks.store(transactions, store, TableKind.GUARDRAILS,
                CandidateWorkbooks.guardrailsWithMaxNotional("40000"), "uma", "for timing");
        List<String> generated = new ArrayList<>();
        transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT household_id FROM household WHERE household_id LIKE 'HH-%' ORDER BY household_id");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    generated.add(rs.getString(1));
                }
            }
            return null;
        });
        assertThat(generated).hasSize(60);
        String body = "{\"households\": " + json.writeValueAsString(generated) + "}";
        http.post("/api/v1/rule-sets/guardrails/versions/" + version + "/shadow", body, "olga"); // warm-up: compiles the candidate

        long start = System.nanoTime();
        LifecycleHttp.Answer answer = http.post("/api/v1/rule-sets/guardrails/versions/" + version + "/shadow", body, "olga");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        ShadowViews.ShadowReport report = json.readValue(answer.body(), ShadowViews.ShadowReport.class);
        assertThat(report.totals().householdsEvaluated()).isEqualTo(60);
        System.out.printf("Shadow run of 60 households: %d ms over HTTP (%d ms in the service); %d would change, %d verdicts%n",
                millis, report.elapsedMillis(), report.totals().householdsChanged(), report.totals().verdictsChanged());
    }

    @Test
    void refusalsNameTheirPlace() {
        assertThat(http.post("/api/v1/rule-sets/guardrails/versions/999/shadow", "{}", "olga").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/rule-sets/limits/versions/1/shadow", "{}", "olga").status()).isEqualTo(404);
        LifecycleHttp.Answer unknownField = http.post("/api/v1/rule-sets/guardrails/versions/1/shadow", "{\"household\": []}", "olga");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).contains("\"path\":\"$.household\"");
        LifecycleHttp.Answer unknownHousehold = http.post("/api/v1/rule-sets/guardrails/versions/1/shadow",
                "{\"households\": [\"H-1001\", \"H-9999\"]}", "olga");
        assertThat(unknownHousehold.status()).isEqualTo(422);
        assertThat(unknownHousehold.body()).contains("\"path\":\"$.households[1]\"", "household H-9999 does not exist");
        LifecycleHttp.Answer noMarketData = http.post("/api/v1/rule-sets/guardrails/versions/1/shadow",
                "{\"asOf\": \"1999-01-04\", \"households\": [\"H-1001\"]}", "olga");
        assertThat(noMarketData.status()).isEqualTo(422);
        assertThat(noMarketData.body()).contains("\"path\":\"$.asOf\"");
    }

    @Test
    void theVersionInForceShadowsItselfWithoutDifference() throws IOException {
        LifecycleHttp.Answer answer = http.post("/api/v1/rule-sets/guardrails/versions/1/shadow", "{" + DEMO_BOOK + "}", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        ShadowViews.ShadowReport report = json.readValue(answer.body(), ShadowViews.ShadowReport.class);
        assertThat(report.totals().householdsEvaluated()).isEqualTo(5);
        assertThat(report.totals().householdsUnchanged()).isEqualTo(5);
        assertThat(report.changes()).isEmpty();
    }

    private long rows(String sql) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
