package trimtab.api.run;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.approval.ApprovalView;
import trimtab.api.approval.TradeWhy;
import trimtab.api.audit.AuditEntry;
import trimtab.api.audit.ChainVerification;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.explain.ViolationView;
import trimtab.api.web.Problem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Rebalance runs over HTTP on the embedded MariaDB: the demo book (five households as of 2026-11-24) and a small book of
 * three households of this test's own (test resource runs/book.yaml), each checked against numbers worked out by hand.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class RunsHttpTest {
    private static final String AS_OF = "2026-11-24";
    private static final List<String> DEMO = List.of("H-1001", "H-1002", "H-1003", "H-1004", "H-1005");
    private static final List<String> SMALL = List.of("RUN-H1", "RUN-H2", "RUN-H3");
    /** Two advisor users who both look after ADV-RUNS, the advisor of this test's households. */
    private static final String ALICE = "adv-adv-runs.alice";
    private static final String BOB = "adv-adv-runs.bob";
    private static String demoRun;
    private static String smallRun;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;

    // --- the demo book

    @Test
    void aRunIsAcceptedAtOnceAndFinishesWithEveryHouseholdRecordedAndSummedUp() {
        RunViews.RunView run = client().retrieve(HttpRequest.GET("/api/v1/runs/" + demoRun()), RunViews.RunView.class);

        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.progress()).isEqualTo(new RunViews.Progress(5, 5));
        assertThat(run.ruleSets()).extracting(RunViews.RuleSetView::kind).containsExactly("TRIGGERS", "TAX_POLICY", "GUARDRAILS");
        assertThat(run.ruleSets()).allSatisfy(r -> assertThat(r.checksum()).hasSize(64));
        RunViews.RunSummary summary = run.summary();
        // ./trimtab triggers: H-1001 and H-1003 REBALANCE, H-1002 and H-1005 REVIEW, H-1004 nothing
        assertThat(summary.householdsByDecision()).isEqualTo(Map.of("REBALANCE", 2, "REVIEW", 2));
        assertThat(summary.householdsTriggered()).isEqualTo(4);
        assertThat(summary.householdsWithoutTrigger()).isEqualTo(1);
        assertThat(summary.householdsFailed()).isZero();
        // H-1001 five trades and H-1003 one pass; the REVIEWs hold H-1002's two and H-1005's six for approval
        assertThat(summary.tradesByVerdict()).isEqualTo(Map.of("PASS", 6, "REQUIRE_APPROVAL", 8));
        assertThat(summary.tradesProposed()).isEqualTo(14);
        assertThat(summary.blockedTrades()).isZero();
        assertThat(summary.awaitingApproval()).isEqualTo(8);
        // H-1002 sells 5 VTI bought at 221.30: 476.00 of long-term gain at 15 % = 71.40. Harvested: H-1001's VEA lot
        // (51,920.00 - 800 x 58.40 = 5,200.00) and H-1005's SCHF lot (108,400.00 - 4,000 x 23.20 = 15,600.00)
        assertThat(summary.estimatedTax()).isEqualByComparingTo("71.40");
        assertThat(summary.harvestedLosses()).isEqualByComparingTo("20800.00");

        List<RunViews.RunView> recent = client().retrieve(HttpRequest.GET("/api/v1/runs?limit=100"), Argument.listOf(RunViews.RunView.class));
        assertThat(recent).extracting(RunViews.RunView::runId).contains(demoRun());
    }

    @Test
    void theTradesOfTheDemoHouseholdsAreTheOnesWorkedOutByHand() {
        // H-1003 (trust + 401(k), GROWTH_80_20): bonds 700 AGG x 100.30 = 70,210.00 are 13.20 % of 532,029.00, outside the
        // relative band (18 % +- 25 %). To the band edge (the trust's policy): 18 - 0.9 x 4.5 = 13.95 % = 74,218.05, short
        // 4,008.05; the 401(k) has no cash, the trust buys BND at 74.20: 54 shares = 4,006.80.
        assertThat(trades("H-1003")).extracting(RunsHttpTest::describe).containsExactly("ACC-1003-TR BUY 54 BND 74.20 4006.80 PASS");
        assertThat(trades("H-1003").get(0).triggeredBy()).contains("MULTI-01", "DRIFT-REL-01");
        // H-1001: the VEA lot bought at 64.90 is down 10.02 %: sold (800 x 58.40 = 46,720.00) and replaced by IEFA
        // (46,720.00 / 85.10 = 549.0: 549 x 85.10 = 46,719.90)
        List<RunViews.TradeRow> h1001 = trades("H-1001");
        assertThat(h1001).extracting(RunsHttpTest::describe).startsWith("ACC-1001-TX SELL 800 VEA 58.40 46720.00 PASS",
                "ACC-1001-TX BUY 549 IEFA 85.10 46719.90 PASS");
        assertThat(h1001.get(0).triggeredBy()).containsExactly("TLH-01");
        assertThat(h1001.get(0).purpose()).isEqualTo("HARVEST");
        // H-1002 (REVIEW for the retirement, RAISE_CASH for the distribution: sell only, held for approval). Of 420,081.00,
        // VTI 270 x 316.50 = 85,455.00 is 1,438.80 over its 20 %: 4.5 shares, 5 (143.70 over) nearer than 4; BND
        // 2,850 x 74.20 = 211,470.00 is 1,429.50 over its 50 %: 19 (19.70 short) nearer than 20.
        assertThat(trades("H-1002")).extracting(RunsHttpTest::describe).containsExactlyInAnyOrder(
                "ACC-1002-TX SELL 5 VTI 316.50 1582.50 REQUIRE_APPROVAL", "ACC-1002-IRA SELL 19 BND 74.20 1409.80 REQUIRE_APPROVAL");
        assertThat(trades("H-1004")).isEmpty();
    }

    @Test
    void theHouseholdsOfARunShowTheirDriftWorstFirstTheirDecisionAndTheirHits() {
        List<RunViews.HouseholdRow> rows = client().retrieve(HttpRequest.GET("/api/v1/runs/" + demoRun() + "/households"),
                Argument.listOf(RunViews.HouseholdRow.class));

        assertThat(rows).extracting(RunViews.HouseholdRow::householdId).containsExactlyElementsOf(DEMO);
        RunViews.HouseholdRow h1001 = rows.get(0);
        assertThat(h1001.decision()).isEqualTo("REBALANCE");
        assertThat(h1001.tradeCount()).isEqualTo(5);
        DriftView.ClassDrift worst = h1001.drift().get(0).classes().get(0);
        assertThat(worst.assetClass()).isEqualTo("US_TOTAL_MARKET");
        assertThat(worst.driftPts().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("8.81");
        assertThat(worst.outsideBand()).isEqualTo("ABSOLUTE");
        assertThat(h1001.hits()).extracting(RunViews.HitSummary::ruleId).contains("MULTI-01", "DRIFT-ABS-01", "TLH-01");
        RunViews.HouseholdRow h1004 = rows.get(3);
        assertThat(h1004.decision()).isNull();
        assertThat(h1004.course()).isEqualTo("NO_TRADES");
        assertThat(h1004.hits()).isEmpty();

        RunViews.HouseholdDetail h1002 = client().retrieve(HttpRequest.GET("/api/v1/runs/" + demoRun() + "/households/H-1002"),
                RunViews.HouseholdDetail.class);
        assertThat(h1002.decision()).isEqualTo("REVIEW");
        assertThat(h1002.course()).isEqualTo("HELD_FOR_APPROVAL");
        assertThat(h1002.heldBy()).containsExactly("LIFE-RET-01");
        assertThat(h1002.plans()).singleElement().satisfies(plan -> {
            assertThat(plan.mode()).isEqualTo("SELL_ONLY");
            assertThat(plan.drivenBy()).isEqualTo("CASH-OUT-01");
            assertThat(plan.tradeIds()).hasSize(2);
        });
        assertThat(h1002.trades()).hasSize(2).allSatisfy(t -> assertThat(t.approval().state()).isEqualTo(ApprovalState.PENDING));
        assertThat(h1002.hits()).filteredOn(h -> h.ruleId().equals("LIFE-RET-01")).singleElement().satisfies(hit -> {
            assertThat(hit.explanation().workbook()).isEqualTo("triggers.drl.xlsx");
            assertThat(hit.explanation().sheet()).isEqualTo("LifeEvents");
            assertThat(hit.explanation().row()).isEqualTo(6);
        });
        assertThat(h1002.policies()).extracting(HouseholdResult.PolicyView::accountId).containsExactly("ACC-1002-IRA", "ACC-1002-TX");
        assertThat(h1002.inputHash()).hasSize(64);
    }

    @Test
    void theWhyOfATradeHeldForReviewNamesTheRowsThatStartedItAndHeldIt() {
        RunViews.TradeRow vti = trades("H-1002").stream().filter(t -> t.symbol().equals("VTI")).findFirst().orElseThrow();

        TradeWhy why = client().retrieve(HttpRequest.GET("/api/v1/trades/" + vti.tradeId() + "/why"), TradeWhy.class);

        assertThat(why.trade().symbol()).isEqualTo("VTI");
        assertThat(why.reason()).isEqualTo("US_TOTAL_MARKET is above its target");
        assertThat(why.triggers()).extracting(HitView::ruleId).containsExactly("CASH-OUT-01");
        assertThat(why.triggers().get(0).message()).contains("18,000.00").contains("2026-12-15");
        assertThat(why.heldBy()).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo("LIFE-RET-01");
            assertThat(hit.explanation().sheet()).isEqualTo("LifeEvents");
            assertThat(hit.explanation().row()).isEqualTo(6);
            assertThat(hit.explanation().facts()).isNotEmpty();
        });
        assertThat(why.verdict()).isEqualTo("REQUIRE_APPROVAL");
        assertThat(why.screeningVerdict()).isEqualTo("PASS");
        assertThat(why.violations()).isEmpty();
        assertThat(why.lots()).singleElement().satisfies(l -> assertThat(l.gain()).isEqualByComparingTo("476.00"));
        assertThat(why.ruleSets()).hasSize(3);
        assertThat(why.approval().state()).isEqualTo(ApprovalState.PENDING);
        assertThat(why.tradable()).isFalse();
        assertThat(why.summary()).startsWith("SELL 5 VTI at 316.50 (1,582.50) in account ACC-1002-TX: US_TOTAL_MARKET is above its target.")
                .contains("Verdict REQUIRE_APPROVAL: the household needs an advisor's review before trading (LIFE-RET-01)");
    }

    // --- the small book: a blocked buy re-planned, large trades needing approval, two custodians

    @Test
    void theSmallBooksTradesAreTheOnesWorkedOutByHandAndTheBlockedBuyIsListedWithWhy() {
        String run = smallRun();
        // RUN-H1 (IRA, to target) 94,300.00: sell 6,720.00 of VTI, 21.2 shares, 21 (73.50 short) nearer than 22: 6,646.50.
        // Buy 6,646.50 of bonds: 132 RUNSBND = 6,600.00, blocked (price five business days old); re-planned: 66 AGG = 6,619.80.
        assertThat(trades(run, "RUN-H1")).extracting(RunsHttpTest::describe).containsExactly(
                "RUN-H1-IRA SELL 21 VTI 316.50 6646.50 PASS", "RUN-H1-IRA BUY 66 AGG 100.30 6619.80 PASS",
                "RUN-H1-IRA BUY 132 RUNSBND 50.00 6600.00 BLOCK");
        // RUN-H2 3,105,900.00: sell 351,960.00 of VTI, 1,112.04 shares: 1,112 = 351,948.00; buy 351,948.00 / 74.20 =
        // 4,743.2: 4,743 BND = 351,930.60. Both above the 250,000.00 that needs approval (TRADE-MAX-01).
        assertThat(trades(run, "RUN-H2")).extracting(RunsHttpTest::describe).containsExactly(
                "RUN-H2-IRA SELL 1112 VTI 316.50 351948.00 REQUIRE_APPROVAL", "RUN-H2-IRA BUY 4743 BND 74.20 351930.60 REQUIRE_APPROVAL");
        // RUN-H3 46,490.00: sell 3,756.00 of VTI, 11.9 shares, 12 (42.00 over) nearer than 11: 3,798.00; buy 3,756.00 / 74.20
        // = 50.6: 50 BND = 3,710.00.
        assertThat(trades(run, "RUN-H3")).extracting(RunsHttpTest::describe).containsExactly(
                "RUN-H3-ROTH SELL 12 VTI 316.50 3798.00 PASS", "RUN-H3-ROTH BUY 50 BND 74.20 3710.00 PASS");

        List<RunViews.TradeRow> blocked = client().retrieve(HttpRequest.GET("/api/v1/runs/" + run + "/trades?verdict=BLOCK"),
                Argument.listOf(RunViews.TradeRow.class));
        assertThat(blocked).singleElement().satisfies(b -> {
            assertThat(b.symbol()).isEqualTo("RUNSBND");
            assertThat(b.replannedAround()).isTrue();
            assertThat(b.approval().state()).isEqualTo(ApprovalState.BLOCKED);
            assertThat(b.violations()).extracting(ViolationView::ruleId).containsExactly("DATA-STALE-01");
        });
        TradeWhy why = client().retrieve(HttpRequest.GET("/api/v1/trades/" + blocked.get(0).tradeId() + "/why"), TradeWhy.class);
        assertThat(why.verdict()).isEqualTo("BLOCK");
        assertThat(why.triggeredBy()).contains("DRIFT-ABS-01", "MULTI-01");
        assertThat(why.triggers()).extracting(HitView::ruleId).contains("DRIFT-ABS-01", "MULTI-01");
        assertThat(why.triggers()).allSatisfy(h -> assertThat(h.assetClass()).isIn(null, "US_AGG_BOND"));
        assertThat(why.violations()).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo("BLOCK");
            assertThat(v.explanation().workbook()).isEqualTo("guardrails.drl.xlsx");
            assertThat(v.explanation().sheet()).isEqualTo("Data");
            assertThat(v.explanation().row()).isEqualTo(10);
            assertThat(v.explanation().ruleId()).isEqualTo("DATA-STALE-01");
            assertThat(v.explanation().message()).isEqualTo(
                    "The price of RUNSBND is 5 business days old (2026-11-17); prices older than 3 business days are not used.");
        });
        assertThat(why.summary()).contains("Verdict BLOCK: The price of RUNSBND is 5 business days old")
                .contains("The planner planned around it");

        RunViews.RunSummary summary = client().retrieve(HttpRequest.GET("/api/v1/runs/" + run), RunViews.RunView.class).summary();
        assertThat(summary.householdsByDecision()).isEqualTo(Map.of("REBALANCE", 3));
        assertThat(summary.tradesByVerdict()).isEqualTo(Map.of("PASS", 4, "REQUIRE_APPROVAL", 2, "BLOCK", 1));
        assertThat(summary.blockedTrades()).isEqualTo(1);
    }

    @Test
    void anApprovedTradeIsExportedAndARejectedOneIsNotAndEachDecisionIsFinalAndAudited() {
        String run = smallRun();
        List<RunViews.TradeRow> h2 = trades(run, "RUN-H2");
        String sell = h2.get(0).tradeId();
        String buy = h2.get(1).tradeId();
        String passing = trades(run, "RUN-H3").get(0).tradeId();

        // a PASS trade needs no approval; a reason is required; the decision is APPROVED or REJECTED
        assertThat(problem(HttpRequest.POST("/api/v1/trades/" + passing + "/approval", Map.of("decision", "APPROVED", "reason", "ok"))
                .header("X-Test-User", ALICE))
                .getStatus().getCode()).isEqualTo(HttpStatus.CONFLICT.getCode());
        HttpClientResponseException noReason = problem(HttpRequest.POST("/api/v1/trades/" + sell + "/approval",
                Map.of("decision", "APPROVED")).header("X-Test-User", ALICE));
        assertThat(noReason.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(errors(noReason)).extracting(Problem.FieldError::path).containsExactly("$.reason");
        HttpClientResponseException badDecision = problem(HttpRequest.POST("/api/v1/trades/" + sell + "/approval",
                Map.of("decision", "MAYBE", "reason", "not sure")).header("X-Test-User", ALICE));
        assertThat(errors(badDecision)).extracting(Problem.FieldError::path).containsExactly("$.decision");

        HttpResponse<ApprovalView> approved = client().exchange(HttpRequest.POST("/api/v1/trades/" + sell + "/approval",
                Map.of("decision", "APPROVED", "reason", "client confirmed the rebalance by phone")).header("X-Test-User", ALICE),
                ApprovalView.class);
        assertThat(approved.getStatus().getCode()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(approved.body().decidedBy()).isEqualTo(ALICE);
        assertThat(problem(HttpRequest.POST("/api/v1/trades/" + sell + "/approval", Map.of("decision", "REJECTED", "reason", "changed my mind"))
                .header("X-Test-User", BOB)).getStatus().getCode()).isEqualTo(HttpStatus.CONFLICT.getCode());
        client().exchange(HttpRequest.POST("/api/v1/trades/" + buy + "/approval",
                Map.of("decision", "REJECTED", "reason", "keep the cash until the client's tax review")).header("X-Test-User", ALICE));

        assertThat(trades(run, "RUN-H2")).extracting(t -> t.approval().state() + " " + t.tradable())
                .containsExactly("APPROVED true", "REJECTED false");
        TradeWhy why = client().retrieve(HttpRequest.GET("/api/v1/trades/" + sell + "/why"), TradeWhy.class);
        assertThat(why.approvals()).singleElement().satisfies(a -> {
            assertThat(a.decision()).isEqualTo("APPROVED");
            assertThat(a.reason()).isEqualTo("client confirmed the rebalance by phone");
        });
        assertThat(why.violations()).extracting(ViolationView::ruleId).containsExactly("TRADE-MAX-01");

        // blocks per custodian, side (sells first) and security; RUN-H2's approved sell joins RUN-H1's in one SCHWAB block;
        // its rejected buy, RUN-H1's blocked buy and nothing pending are in the file
        String csv = client().retrieve(HttpRequest.GET("/api/v1/runs/" + run + "/orders.csv"), String.class);
        String block = run.substring(0, 8);
        String h1 = run + "-000001-";
        String h3 = run + "-000003-";
        assertThat(csv).isEqualTo(String.join("\r\n",
                "block_id,custodian,side,symbol,block_quantity,account_id,household_id,allocated_quantity,price,notional,trade_id",
                block + "-B001,FIDELITY,SELL,VTI,12,RUN-H3-ROTH,RUN-H3,12,316.50,3798.00," + h3 + "001",
                block + "-B002,FIDELITY,BUY,BND,50,RUN-H3-ROTH,RUN-H3,50,74.20,3710.00," + h3 + "002",
                block + "-B003,SCHWAB,SELL,VTI,1133,RUN-H1-IRA,RUN-H1,21,316.50,6646.50," + h1 + "001",
                block + "-B003,SCHWAB,SELL,VTI,1133,RUN-H2-IRA,RUN-H2,1112,316.50,351948.00," + sell,
                block + "-B004,SCHWAB,BUY,AGG,66,RUN-H1-IRA,RUN-H1,66,100.30,6619.80," + h1 + "002") + "\r\n");

        List<AuditEntry> entries = client().retrieve(HttpRequest.GET("/api/v1/audit/entries?type=TRADE_APPROVAL&limit=1000"),
                Argument.listOf(AuditEntry.class));
        assertThat(entries).filteredOn(e -> e.subject().equals(sell)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(ALICE);
            assertThat(e.payload()).contains("client confirmed the rebalance by phone");
            assertThat(e.ruleSets()).startsWith("TRIGGERS:1:");
        });
        assertThat(client().retrieve(HttpRequest.GET("/api/v1/audit/verify"), ChainVerification.class).intact()).isTrue();
    }

    @Test
    void everyHouseholdResultAndTradeDecisionHasItsAuditEntry() {
        String run = smallRun();
        List<AuditEntry> households = client().retrieve(HttpRequest.GET("/api/v1/audit/entries?type=RUN_HOUSEHOLD&limit=1000"),
                Argument.listOf(AuditEntry.class));
        assertThat(households).filteredOn(e -> e.subject().startsWith(run + "/")).hasSize(3)
                .allSatisfy(e -> assertThat(e.inputHash()).hasSize(64));
        List<RunViews.TradeRow> trades = client().retrieve(HttpRequest.GET("/api/v1/runs/" + run + "/trades"),
                Argument.listOf(RunViews.TradeRow.class));
        List<AuditEntry> decisions = client().retrieve(HttpRequest.GET("/api/v1/audit/entries?type=TRADE_DECISION&limit=1000"),
                Argument.listOf(AuditEntry.class));
        assertThat(decisions).filteredOn(e -> e.subject().startsWith(run + "-")).extracting(AuditEntry::subject)
                .containsExactlyInAnyOrderElementsOf(trades.stream().map(RunViews.TradeRow::tradeId).toList());
    }

    @Test
    void aDryRunRecordsEverythingButItsTradesCanBeNeitherApprovedNorExported() {
        loadSmallBook();
        String run = startAndFinish(Map.of("households", List.of("RUN-H2"), "asOf", AS_OF, "dryRun", true));

        RunViews.RunView view = client().retrieve(HttpRequest.GET("/api/v1/runs/" + run), RunViews.RunView.class);
        assertThat(view.dryRun()).isTrue();
        assertThat(view.links()).doesNotContainKey("orders");
        List<RunViews.TradeRow> trades = trades(run, "RUN-H2");
        assertThat(trades).hasSize(2).allSatisfy(t -> assertThat(t.tradable()).isFalse());
        assertThat(problem(HttpRequest.POST("/api/v1/trades/" + trades.get(0).tradeId() + "/approval",
                Map.of("decision", "APPROVED", "reason", "fine")).header("X-Test-User", ALICE)).getStatus().getCode())
                .isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat(problem(HttpRequest.GET("/api/v1/runs/" + run + "/orders.csv")).getStatus().getCode()).isEqualTo(HttpStatus.CONFLICT.getCode());
    }

    @Test
    void ofTwoAdvisorsDecidingOneTradeAtTheSameTimeOneIsRecordedAndTheOtherRefused() throws Exception {
        demoRun();
        // a run of its own, so that the demo run's pending approvals stay pending for the other tests
        String run = startAndFinish(Map.of("households", List.of("H-1005"), "asOf", AS_OF));
        String trade = trades(run, "H-1005").get(0).tradeId();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (String user : List.of("adv-adv-12.dave", "adv-adv-12.erin")) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    try {
                        return client().exchange(HttpRequest.POST("/api/v1/trades/" + trade + "/approval",
                                Map.of("decision", "APPROVED", "reason", user + " reviewed the estate documents"))
                                .header("X-Test-User", user)).getStatus().getCode();
                    } catch (HttpClientResponseException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        TradeWhy why = client().retrieve(HttpRequest.GET("/api/v1/trades/" + trade + "/why"), TradeWhy.class);
        assertThat(why.approvals()).hasSize(1);
        assertThat(why.approval().state()).isEqualTo(ApprovalState.APPROVED);
    }

    // --- refusals

    @Test
    void unknownRunsTradesAndHouseholdsAre404() {
        String unknown = "00000000-0000-0000-0000-000000000000";
        for (String path : List.of("/api/v1/runs/" + unknown, "/api/v1/runs/" + unknown + "/households", "/api/v1/runs/" + unknown + "/trades",
                "/api/v1/runs/" + unknown + "/orders.csv", "/api/v1/runs/" + demoRun() + "/households/H-9999",
                "/api/v1/trades/nope/why")) {
            assertThat(problem(HttpRequest.GET(path)).getStatus().getCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        }
        assertThat(problem(HttpRequest.POST("/api/v1/trades/nope/approval", Map.of("decision", "APPROVED", "reason", "x"))
                .header("X-Test-User", ALICE)).getStatus().getCode())
                .isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }

    @Test
    void aRunRequestIsCheckedBeforeAnythingIsRecorded() {
        loadSmallBook();
        HttpClientResponseException unknownField = problem(HttpRequest.POST("/api/v1/runs", Map.of("asOf", AS_OF, "dryrun", true)));
        assertThat(unknownField.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(errors(unknownField)).extracting(Problem.FieldError::path).containsExactly("$.dryrun");

        HttpClientResponseException unknownHousehold = problem(HttpRequest.POST("/api/v1/runs",
                Map.of("households", List.of("RUN-H1", "RUN-NOBODY"), "asOf", AS_OF)));
        assertThat(unknownHousehold.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(errors(unknownHousehold)).extracting(Problem.FieldError::path).containsExactly("$.households[1]");

        HttpClientResponseException noMarketData = problem(HttpRequest.POST("/api/v1/runs",
                Map.of("households", List.of("RUN-H1"), "asOf", "1990-01-02")));
        assertThat(noMarketData.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(errors(noMarketData)).extracting(Problem.FieldError::path).containsExactly("$.asOf");

        assertThat(problem(HttpRequest.POST("/api/v1/runs", Map.of("households", List.of(), "asOf", AS_OF))).getStatus().getCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        HttpClientResponseException notADate = problem(HttpRequest.POST("/api/v1/runs", Map.of("asOf", "24.11.2026")));
        assertThat(notADate.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(errors(notADate)).extracting(Problem.FieldError::path).containsExactly("$.asOf");
        assertThat(problem(HttpRequest.GET("/api/v1/runs/" + demoRun() + "/trades?verdict=MAYBE")).getStatus().getCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
    }

    // --- helpers

    private BlockingHttpClient client() {
        return http.toBlocking();
    }

    private synchronized String demoRun() {
        if (demoRun == null) {
            TestBooks.load(transactions, writer, TestBooks.demo());
            HttpResponse<RunViews.RunAccepted> accepted = client().exchange(HttpRequest.POST("/api/v1/runs",
                    Map.of("households", DEMO, "asOf", AS_OF)).header("X-Test-User", "ops-carol"), RunViews.RunAccepted.class);
            assertThat(accepted.getStatus().getCode()).isEqualTo(HttpStatus.ACCEPTED.getCode());
            assertThat(accepted.body().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(accepted.body().householdsTotal()).isEqualTo(5);
            assertThat(accepted.header("Location")).isEqualTo("/api/v1/runs/" + accepted.body().runId());
            demoRun = awaitFinished(accepted.body().runId());
        }
        return demoRun;
    }

    private synchronized String smallRun() {
        if (smallRun == null) {
            loadSmallBook();
            smallRun = startAndFinish(Map.of("households", SMALL, "asOf", AS_OF));
        }
        return smallRun;
    }

    private void loadSmallBook() {
        TestBooks.load(transactions, writer, TestBooks.yaml("/runs/book.yaml"));
    }

    private String startAndFinish(Map<String, Object> request) {
        RunViews.RunAccepted accepted = client().retrieve(HttpRequest.POST("/api/v1/runs", request), RunViews.RunAccepted.class);
        return awaitFinished(accepted.runId());
    }

    private String awaitFinished(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            RunViews.RunView run = client().retrieve(HttpRequest.GET("/api/v1/runs/" + runId), RunViews.RunView.class);
            if (run.status() != RunStatus.RUNNING) {
                assertThat(run.status()).as("run " + runId + ": " + run.failure()).isEqualTo(RunStatus.FINISHED);
                return runId;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + runId + " did not finish within two minutes");
    }

    private List<RunViews.TradeRow> trades(String household) {
        return trades(demoRun(), household);
    }

    private List<RunViews.TradeRow> trades(String run, String household) {
        return client().retrieve(HttpRequest.GET("/api/v1/runs/" + run + "/trades?household=" + household),
                Argument.listOf(RunViews.TradeRow.class));
    }

    private static String describe(RunViews.TradeRow t) {
        return t.accountId() + " " + t.side() + " " + t.quantity().toPlainString() + " " + t.symbol() + " " + t.price().toPlainString()
                + " " + t.notional().toPlainString() + " " + t.verdict();
    }

    private HttpClientResponseException problem(HttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client().exchange(request, String.class));
        assertThat(e).as("expected a refusal of " + request.getPath()).isNotNull();
        return e;
    }

    private static List<Problem.FieldError> errors(HttpClientResponseException e) {
        return e.getResponse().getBody(Problem.class).map(Problem::errors).orElseThrow();
    }

}
