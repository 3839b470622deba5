package trimtab.api.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import trimtab.api.TestUsers;
import trimtab.api.database.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The dashboard on a small book of runs written straight into the run tables, in March 2037 (TIMESTAMP ends in 2038) so that no other test's
 * runs fall in the period (the test database is shared), each number worked out by hand below.
 *
 * <pre>
 * run A, 2037-03-02, 4 s for 2 households (100 s per 50):
 *   DASH-H1: worst drift 7.50 before, 0.40 after its plan; HARVEST rows on lot L1 (loss 1,000, two rows) and L2 (500);
 *            harvested 1,000; trades PASS, BLOCK by PRICE-STALE-01, BLOCK by WASH-01
 *   DASH-H2: household sleeve 3.00 (no plan: stays 3.00), account sleeve 6.00 -> 1.00: before 6.00, after 3.00;
 *            held by REVIEW-01: a trade held by the trigger, one held by TRADE-MAX-01 (approved), and a WARN with a
 *            wash-sale row (it can be traded: a wash sale that got through)
 * run B, 2037-03-05, 1.5 s for 1 household (75 s per 50): DASH-H1 drift 2.00, no plan; one PASS
 * run C, 2037-03-06, a dry run (left out unless asked for); run D, 2037-04-01 (outside the period)
 * accounts: DASH-H1 two, DASH-H2 one
 * </pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    private static final String PERIOD = "/api/v1/dashboard?from=2037-03-01&to=2037-03-31";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Transactions transactions;

    @BeforeAll
    void writeRuns() {
        transactions.write(c -> {
            sql(c, "INSERT IGNORE INTO household (household_id, name, advisor_id) VALUES (?, ?, ?)", "DASH-H1", "Dash One", "ADV-DASH");
            sql(c, "INSERT IGNORE INTO household (household_id, name, advisor_id) VALUES (?, ?, ?)", "DASH-H2", "Dash Two", "ADV-DASH");
            sql(c, "INSERT IGNORE INTO account (account_id, household_id, account_type) VALUES (?, ?, ?)", "DASH-H1-A", "DASH-H1", "TAXABLE");
            sql(c, "INSERT IGNORE INTO account (account_id, household_id, account_type) VALUES (?, ?, ?)", "DASH-H1-B", "DASH-H1", "ROTH_IRA");
            sql(c, "INSERT IGNORE INTO account (account_id, household_id, account_type) VALUES (?, ?, ?)", "DASH-H2-B", "DASH-H2", "TAXABLE");

            String a = run(c, "2037-03-02T10:00:00Z", "2037-03-02T10:00:04Z", 2, false);
            household(c, a, "DASH-H1", """
                    {"driftBefore": [{"scope": "household DASH-H1", "classes": [{"driftPts": 7.50}, {"driftPts": -7.50}]}],
                     "plans": [{"scope": "household DASH-H1", "driftAfter": {"classes": [{"driftPts": -0.40}, {"driftPts": 0.40}]}}],
                     "hits": [%s, %s, %s, {"action": "REBALANCE", "lot": null, "explanation": {"facts": {}}}],
                     "heldBy": []}""".formatted(harvest("L1", "1000.00"), harvest("L1", "1000.00"), harvest("L2", "500.00")), "1000.00");
            household(c, a, "DASH-H2", """
                    {"driftBefore": [{"scope": "household DASH-H2", "classes": [{"driftPts": -3.00}, {"driftPts": 3.00}]},
                                     {"scope": "account DASH-H2-B", "classes": [{"driftPts": 6.00}, {"driftPts": -6.00}]}],
                     "plans": [{"scope": "account DASH-H2-B", "driftAfter": {"classes": [{"driftPts": 1.00}, {"driftPts": -1.00}]}}],
                     "hits": [], "heldBy": ["REVIEW-01"]}""", "0.00");
            trade(c, a, "T1", "DASH-H1", "PASS", "[]", null);
            trade(c, a, "T2", "DASH-H1", "BLOCK", violation("PRICE-STALE-01", "BLOCK", "Prices"), null);
            trade(c, a, "T3", "DASH-H1", "BLOCK", violation("WASH-01", "BLOCK", "WashSale"), null);
            trade(c, a, "T4", "DASH-H2", "REQUIRE_APPROVAL", "[]", "the household's decision REVIEW holds its trades");
            trade(c, a, "T5", "DASH-H2", "REQUIRE_APPROVAL", violation("TRADE-MAX-01", "REQUIRE_APPROVAL", "Trading"), null);
            sql(c, "INSERT INTO trade_approval (trade_id, decision, reason, actor, decided_at, audit_seq) VALUES (?, ?, ?, ?, ?, ?)",
                    a.substring(0, 8) + "-T5", "APPROVED", "fine", "adv", Timestamp.from(Instant.parse("2037-03-02T11:00:00Z")), 0L);
            trade(c, a, "T6", "DASH-H2", "WARN", violation("WASH-WARN-X", "WARN", "WashSale"), null);

            String b = run(c, "2037-03-05T09:00:00Z", "2037-03-05T09:00:01.500Z", 1, false);
            household(c, b, "DASH-H1", """
                    {"driftBefore": [{"scope": "household DASH-H1", "classes": [{"driftPts": 2.00}]}], "plans": [], "hits": [],
                     "heldBy": []}""", "0.00");
            trade(c, b, "T7", "DASH-H1", "PASS", "[]", null);

            String dry = run(c, "2037-03-06T09:00:00Z", "2037-03-06T09:00:01Z", 1, true);
            household(c, dry, "DASH-H2", """
                    {"driftBefore": [{"scope": "household DASH-H2", "classes": [{"driftPts": 50.00}]}], "plans": [], "hits": [],
                     "heldBy": []}""", "0.00");

            String later = run(c, "2037-04-01T09:00:00Z", "2037-04-01T09:00:01Z", 1, false);
            household(c, later, "DASH-H2", """
                    {"driftBefore": [{"scope": "household DASH-H2", "classes": [{"driftPts": 40.00}]}], "plans": [], "hits": [],
                     "heldBy": []}""", "0.00");
            return null;
        });
    }

    @Test
    void theMeasuresOverThePeriodAreTheHandCheckedOnes() {
        DashboardView view = http.toBlocking().retrieve(HttpRequest.GET(PERIOD), DashboardView.class);

        DashboardView.Measures t = view.totals();
        assertThat(t.runs()).isEqualTo(2);
        assertThat(t.households()).isEqualTo(3);
        assertThat(t.accounts()).isEqualTo(5);                            // 2 + 1 in run A, 2 in run B
        assertThat(t.avgDriftBeforePts()).isEqualByComparingTo("5.17");   // (7.50 + 6.00 + 2.00) / 3 = 5.1667
        assertThat(t.avgDriftAfterPts()).isEqualByComparingTo("1.80");    // (0.40 + 3.00 + 2.00) / 3
        assertThat(t.cycleSecondsPer50()).isEqualByComparingTo("91.7");   // (4 + 1.5) s / 3 households x 50
        assertThat(t.harvestedLosses()).isEqualByComparingTo("1000.00");
        assertThat(t.availableLosses()).isEqualByComparingTo("1500.00");  // L1 once, L2
        assertThat(t.harvestCapturePct()).isEqualByComparingTo("66.67");
        assertThat(t.washSaleViolations()).isEqualTo(1);                  // T6: a WARN can be traded
        assertThat(t.washSaleViolationsPer100Accounts()).isEqualByComparingTo("20.00"); // 1 / 5 x 100
        assertThat(t.washSalesStopped()).isEqualTo(1);                    // T3
        assertThat(t.tradesProposed()).isEqualTo(7);
        assertThat(t.tradesBlocked()).isEqualTo(2);
        assertThat(t.tradesHeld()).isEqualTo(2);

        assertThat(view.byRule()).containsExactly(
                new DashboardView.RuleCount("PRICE-STALE-01", "GUARDRAIL", 1, 0),
                new DashboardView.RuleCount("REVIEW-01", "TRIGGER", 0, 1),
                new DashboardView.RuleCount("TRADE-MAX-01", "GUARDRAIL", 0, 1),
                new DashboardView.RuleCount("WASH-01", "GUARDRAIL", 1, 0));
    }

    @Test
    void eachRunIsAPointOnTheChartsOldestFirst() {
        DashboardView view = http.toBlocking().retrieve(HttpRequest.GET(PERIOD), DashboardView.class);

        assertThat(view.runs()).hasSize(2);
        DashboardView.RunPoint a = view.runs().get(0);
        assertThat(a.asOf()).isEqualTo(LocalDate.parse("2037-03-02"));
        assertThat(a.status()).isEqualTo("FINISHED");
        assertThat(a.measures().avgDriftBeforePts()).isEqualByComparingTo("6.75");   // (7.50 + 6.00) / 2
        assertThat(a.measures().avgDriftAfterPts()).isEqualByComparingTo("1.70");    // (0.40 + 3.00) / 2
        assertThat(a.measures().cycleSecondsPer50()).isEqualByComparingTo("100.0");  // 4 s / 2 x 50
        assertThat(a.measures().accounts()).isEqualTo(3);
        assertThat(a.measures().washSaleViolationsPer100Accounts()).isEqualByComparingTo("33.33");
        DashboardView.RunPoint b = view.runs().get(1);
        assertThat(b.measures().avgDriftBeforePts()).isEqualByComparingTo("2.00");
        assertThat(b.measures().avgDriftAfterPts()).isEqualByComparingTo("2.00");    // no plan: the drift stays
        assertThat(b.measures().cycleSecondsPer50()).isEqualByComparingTo("75.0");
        assertThat(b.measures().harvestCapturePct()).isNull();                       // nothing to harvest
        assertThat(b.measures().tradesProposed()).isEqualTo(1);
    }

    @Test
    void dryRunsCountOnlyWhenAskedFor() {
        DashboardView view = http.toBlocking().retrieve(HttpRequest.GET(PERIOD + "&dryRuns=true"), DashboardView.class);

        assertThat(view.totals().runs()).isEqualTo(3);
        assertThat(view.totals().avgDriftBeforePts()).isEqualByComparingTo("16.38"); // (7.50 + 6.00 + 2.00 + 50.00) / 4 = 16.375
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(HttpRequest.GET("/api/v1/dashboard?from=2037-03-31&to=2037-03-01"), String.class));

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat((String) e.getResponse().getBody(String.class).orElseThrow()).contains("from (2037-03-31) must not be after to (2037-03-01)");
    }

    @Test
    void onlyComplianceAndOperationsSeeTheDashboard() {
        assertThat(http.toBlocking().exchange(HttpRequest.GET(PERIOD).header("X-Test-User", "officer-dash")).getStatus().getCode())
                .isEqualTo(200);
        assertThat(status(HttpRequest.GET(PERIOD).header("X-Test-User", TestUsers.advisor("ADV-DASH")))).isEqualTo(403);
        assertThat(status(HttpRequest.GET(PERIOD).header("X-Test-User", TestUsers.ORDER_SYSTEM))).isEqualTo(403);
        assertThat(status(HttpRequest.GET(PERIOD).header("X-Test-User", TestUsers.ADMIN))).isEqualTo(403);
        assertThat(status(HttpRequest.GET(PERIOD).header("X-Test-Anonymous", "yes"))).isEqualTo(401);
    }

    private int status(HttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> http.toBlocking().exchange(request))
                .getStatus().getCode();
    }

    private static String run(Connection c, String started, String finished, int households, boolean dry) throws SQLException {
        String id = UUID.randomUUID().toString();
        sql(c, "INSERT INTO rebalance_run (run_id, requested_by, requested_at, as_of, dry_run, household_scope, household_total, rule_sets)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, "dash-test", Timestamp.from(Instant.parse(started)),
                java.sql.Date.valueOf(started.substring(0, 10)), dry, "[]", households, "");
        sql(c, "INSERT INTO run_event (run_id, event_type, occurred_at, detail) VALUES (?, ?, ?, ?)", id, "STARTED",
                Timestamp.from(Instant.parse(started)), "{}");
        sql(c, "INSERT INTO run_event (run_id, event_type, occurred_at, detail) VALUES (?, ?, ?, ?)", id, "FINISHED",
                Timestamp.from(Instant.parse(finished)), "{}");
        return id;
    }

    private static void household(Connection c, String run, String household, String result, String harvested) throws SQLException {
        sql(c, "INSERT INTO run_household (run_id, household_id, advisor_id, decision, result, done_at, audit_seq, harvested_losses)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", run, household, "ADV-DASH", null, result, Timestamp.from(Instant.now()), 0L,
                new java.math.BigDecimal(harvested));
    }

    private static void trade(Connection c, String run, String id, String household, String verdict, String violations,
                              String heldBecause) throws SQLException {
        String explanation = "{\"violations\": " + violations + ", \"heldBecause\": "
                + (heldBecause == null ? "null" : "\"" + heldBecause + "\"") + "}";
        sql(c, "INSERT INTO proposed_trade (trade_id, run_id, household_id, account_id, custodian, symbol, side, quantity, price,"
                        + " notional, purpose, verdict, rule_set_version, rule_set_checksum, explanation, audit_seq)"
                        + " VALUES (?, ?, ?, ?, '', 'VTI', 'BUY', 1, 1, 1, 'REBALANCE', ?, 1, '', ?, 0)",
                run.substring(0, 8) + "-" + id, run, household, household + "-A", verdict, explanation);
    }

    private static String harvest(String lot, String loss) {
        return "{\"action\": \"HARVEST\", \"lot\": \"" + lot + "\", \"explanation\": {\"facts\": {\"$l\": {\"loss\": \"" + loss
                + "\", \"lotId\": \"" + lot + "\"}}}}";
    }

    private static String violation(String ruleId, String severity, String sheet) {
        return "[{\"ruleId\": \"" + ruleId + "\", \"severity\": \"" + severity + "\", \"explanation\": {\"sheet\": \"" + sheet + "\"}}]";
    }

    private static void sql(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
