package trimtab.api.book;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trimtab.api.audit.AuditEntry;
import trimtab.api.audit.Hashes;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.web.Problem;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.HouseholdId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Households through HTTP against the embedded MariaDB: written in bulk and read back exactly, refused whole
 * with the JSON path of every bad item, and changed item by item through the same checks.
 */
@MicronautTest(transactional = false)
class HouseholdsApiTest {
    /**
     * Two households of five account types, priced (SecuritiesApiTest) on 2026-09-30. Hand-computed values then:
     * BA-H-2001: cash 3,125.40 + 860.00 + 0.00 = 3,985.40; lots VTI 120 x 301.37 = 36,164.40, VEA 300 x 55.81 =
     * 16,743.00, AAPL 25 x 254.63 = 6,365.75, BND 400 x 73.94 = 29,576.00, VTI 45.5 x 301.37 = 13,712.335;
     * total 106,546.885 -> 106,546.89. BA-H-2002: cash 15,250.75 + 412.18 = 15,662.93; AGG 500 x 99.88 = 49,940.00,
     * VTI 60 x 301.37 = 18,082.20, FXAIX 88.412 x 221.05 = 19,543.4726; total 103,228.6026 -> 103,228.60.
     */
    static final String HOUSEHOLDS = """
            [
              {"householdId": "BA-H-2001", "name": "Whitfield family", "advisorId": "ADV-21", "modelId": "BA-BALANCED",
               "lastRebalance": "2026-06-30",
               "taxProfile": {"shortTermRate": 0.35, "longTermRate": 0.15, "realisedLongTermYtd": 4120.75},
               "accounts": [
                 {"accountId": "BA-2001-TX", "type": "TAXABLE", "custodian": "SCHWAB", "cash": 3125.40, "lots": [
                   {"lotId": "BA-L-2001-1", "symbol": "VTI", "quantity": 120, "costBasis": 24062.40, "acquired": "2019-03-15"},
                   {"lotId": "BA-L-2001-2", "symbol": "VEA", "quantity": 300, "costBasis": 14850.00, "acquired": "2021-07-01"},
                   {"lotId": "BA-L-2001-3", "symbol": "AAPL", "quantity": 25, "costBasis": 3712.25, "acquired": "2020-08-31"}]},
                 {"accountId": "BA-2001-IRA", "type": "TRADITIONAL_IRA", "custodian": "SCHWAB", "cash": 860.00, "lots": [
                   {"lotId": "BA-L-2001-4", "symbol": "BND", "quantity": 400, "costBasis": 31240.00, "acquired": "2020-02-03"}]},
                 {"accountId": "BA-2001-ROTH", "type": "ROTH_IRA", "custodian": "SCHWAB", "cash": 0.00, "fractionalShares": true, "lots": [
                   {"lotId": "BA-L-2001-5", "symbol": "VTI", "quantity": 45.5, "costBasis": 9881.53, "acquired": "2022-10-14"}]}],
               "cashFlows": [{"accountId": "BA-2001-TX", "date": "2026-12-15", "amount": -6000.00, "note": "year-end distribution"}],
               "lifeEvents": [{"type": "RETIREMENT", "date": "2027-03-31", "note": "Dana Whitfield retires"}],
               "restrictions": [{"symbol": "AAPL", "reason": "client is an Apple employee"}],
               "ipsBounds": [{"assetClass": "US_AGG_BOND", "minPct": 25, "maxPct": 55}],
               "recentTrades": [{"accountId": "BA-2001-TX", "symbol": "IEFA", "side": "SELL", "quantity": 100, "price": 79.20,
                                 "tradeDate": "2026-09-10", "realisedGain": -412.30}]},
              {"householdId": "BA-H-2002", "name": "Okoye family trust", "advisorId": "ADV-22", "modelId": "BA-INCOME",
               "taxProfile": {"shortTermRate": 0.37, "longTermRate": 0.20, "lossCarryForward": 2500.00},
               "accounts": [
                 {"accountId": "BA-2002-TR", "type": "TRUST", "custodian": "FIDELITY", "cash": 15250.75,
                  "esgExclusions": ["fossil_fuels"], "noBuy": ["XOM"], "lots": [
                   {"lotId": "BA-L-2002-1", "symbol": "AGG", "quantity": 500, "costBasis": 50415.00, "acquired": "2023-05-22"},
                   {"lotId": "BA-L-2002-2", "symbol": "VTI", "quantity": 60, "costBasis": 12300.60, "acquired": "2020-01-10"}]},
                 {"accountId": "BA-2002-401K", "type": "ERISA_PLAN", "custodian": "EMPOWER", "cash": 412.18,
                  "planMenu": ["FXAIX", "AGG", "SGOV"], "lots": [
                   {"lotId": "BA-L-2002-3", "symbol": "FXAIX", "quantity": 88.412, "costBasis": 17500.00, "acquired": "2024-04-30"}]}]}
            ]""";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Transactions transactions;
    @Inject
    BookSnapshots snapshots;
    @Inject
    RuleSetsInForce rules;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(client);
        SecuritiesApiTest.load(http);
        ModelsApiTest.load(http);
        http.ok(Http.put("/api/v1/households", HOUSEHOLDS), WriteReceipt.class);
    }

    @Test
    void householdsWrittenInBulkReadBackExactly() {
        WriteReceipt receipt = http.ok(Http.put("/api/v1/households", HOUSEHOLDS), WriteReceipt.class);
        assertThat(receipt.written()).isEqualTo(2);

        HouseholdJson whitfield = http.get("/api/v1/households/BA-H-2001", HouseholdJson.class);
        assertThat(whitfield).isEqualTo(new HouseholdJson("BA-H-2001", "Whitfield family", "ADV-21", "BA-BALANCED",
                LocalDate.of(2026, 6, 30),
                new TaxProfileJson(new BigDecimal("0.35"), new BigDecimal("0.15"), new BigDecimal("0.00"), new BigDecimal("4120.75"),
                        new BigDecimal("0.00")),
                List.of(
                        new AccountJson("BA-2001-IRA", "TRADITIONAL_IRA", "SCHWAB", new BigDecimal("860.00"), false, null, List.of(), List.of(),
                                List.of(), List.of(), List.of(
                                new LotJson("BA-L-2001-4", "BND", new BigDecimal("400"), new BigDecimal("31240.00"), LocalDate.of(2020, 2, 3)))),
                        new AccountJson("BA-2001-ROTH", "ROTH_IRA", "SCHWAB", new BigDecimal("0.00"), true, null, List.of(), List.of(),
                                List.of(), List.of(), List.of(
                                new LotJson("BA-L-2001-5", "VTI", new BigDecimal("45.5"), new BigDecimal("9881.53"), LocalDate.of(2022, 10, 14)))),
                        new AccountJson("BA-2001-TX", "TAXABLE", "SCHWAB", new BigDecimal("3125.40"), false, null, List.of(), List.of(),
                                List.of(), List.of(), List.of(
                                new LotJson("BA-L-2001-1", "VTI", new BigDecimal("120"), new BigDecimal("24062.40"), LocalDate.of(2019, 3, 15)),
                                new LotJson("BA-L-2001-3", "AAPL", new BigDecimal("25"), new BigDecimal("3712.25"), LocalDate.of(2020, 8, 31)),
                                new LotJson("BA-L-2001-2", "VEA", new BigDecimal("300"), new BigDecimal("14850.00"), LocalDate.of(2021, 7, 1))))),
                List.of(new CashFlowJson("BA-2001-TX", LocalDate.of(2026, 12, 15), new BigDecimal("-6000.00"), "year-end distribution")),
                List.of(new LifeEventJson("RETIREMENT", LocalDate.of(2027, 3, 31), "Dana Whitfield retires")),
                List.of(new RestrictionJson("AAPL", "client is an Apple employee")),
                List.of(new IpsBoundJson("US_AGG_BOND", new BigDecimal("25"), new BigDecimal("55"))),
                List.of(new TradeJson("BA-2001-TX", "IEFA", "SELL", new BigDecimal("100"), new BigDecimal("79.20"), LocalDate.of(2026, 9, 10),
                        new BigDecimal("-412.30")))));

        HouseholdJson okoye = http.get("/api/v1/households/BA-H-2002", HouseholdJson.class);
        assertThat(okoye.taxProfile().lossCarryForward()).isEqualTo(new BigDecimal("2500.00"));
        AccountJson trust = okoye.accounts().get(1);
        assertThat(trust.accountId()).isEqualTo("BA-2002-TR");
        assertThat(trust.esgExclusions()).containsExactly("fossil_fuels");
        assertThat(trust.noBuy()).containsExactly("XOM");
        AccountJson plan = okoye.accounts().get(0);
        assertThat(plan.type()).isEqualTo("ERISA_PLAN");
        assertThat(plan.planMenu()).containsExactly("AGG", "FXAIX", "SGOV");
        assertThat(plan.lots()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(new BigDecimal("88.412"));
            assertThat(l.costBasis()).isEqualTo(new BigDecimal("17500.00"));
        });
    }

    @Test
    void theListSummarisesEachHouseholdWithItsValueOnTheDateAsked() {
        List<HouseholdSummary> adv21 = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/households?advisorId=ADV-21&asOf=2026-09-30"), Argument.listOf(HouseholdSummary.class));
        assertThat(adv21).filteredOn(h -> h.householdId().startsWith("BA-H-20")).containsExactly(new HouseholdSummary("BA-H-2001",
                "Whitfield family", "ADV-21", "BA-BALANCED", LocalDate.of(2026, 6, 30), 3, 5, new BigDecimal("106546.89"), 0));
        List<HouseholdSummary> all = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/households?asOf=2026-09-30"),
                Argument.listOf(HouseholdSummary.class));
        assertThat(all).filteredOn(h -> h.householdId().equals("BA-H-2002")).singleElement().satisfies(h -> {
            assertThat(h.accounts()).isEqualTo(2);
            assertThat(h.lots()).isEqualTo(3);
            assertThat(h.totalValue()).isEqualTo(new BigDecimal("103228.60"));
        });
        // Before any price was recorded the lots cannot be valued: no total rather than a wrong one.
        List<HouseholdSummary> unpriced = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/households?advisorId=ADV-22&asOf=2001-01-02"), Argument.listOf(HouseholdSummary.class));
        assertThat(unpriced).filteredOn(h -> h.householdId().equals("BA-H-2002")).singleElement()
                .satisfies(h -> {
                    assertThat(h.totalValue()).isNull();
                    assertThat(h.unpricedLots()).isEqualTo(3);
                });
    }

    @Test
    void whatTheApiWroteIsABookTheEngineEvaluates() {
        http.ok(Http.put("/api/v1/market/vix", "{\"asOf\": \"2026-09-30\", \"vix\": 16.85}"), VixJson.class);
        BookSnapshot book = snapshots.load(LocalDate.of(2026, 9, 30), HouseholdSelection.households(List.of("BA-H-2001", "BA-H-2002")));
        assertThat(book.households()).hasSize(2);
        assertThat(book.household(HouseholdId.of("BA-H-2001")).orElseThrow().recentTrades()).hasSize(1);
        assertThat(rules.current().triggerEvaluator().evaluate(book).households()).hasSize(2);
    }

    @Test
    void aBulkWriteWithOneBadHouseholdInTheMiddleWritesNothing() {
        long[] before = counts();
        Problem problem = http.refused(Http.put("/api/v1/households", """
                [{"householdId": "BA-H-2101", "name": "Reyes household", "advisorId": "ADV-21", "accounts": [
                   {"accountId": "BA-2101-TX", "type": "TAXABLE", "cash": 100.00, "lots": [
                     {"lotId": "BA-L-2101-1", "symbol": "VTI", "quantity": 10, "costBasis": 2950.00, "acquired": "2024-03-01"}]}]},
                 {"householdId": "BA-H-2102", "name": "Lindqvist household", "advisorId": "ADV-21", "accounts": [
                   {"accountId": "BA-2102-TX", "type": "TAXABLE", "cash": 50.00},
                   {"accountId": "BA-2102-IRA", "type": "TRADITIONAL_IRA", "cash": 0, "lots": [
                     {"lotId": "BA-L-2102-1", "symbol": "BND", "quantity": 10, "costBasis": 730.00, "acquired": "2024-03-01"},
                     {"lotId": "BA-L-2102-2", "symbol": "BND", "quantity": 5, "costBasis": 370.00, "acquired": "2024-04-01"}]}]},
                 {"householdId": "BA-H-2103", "name": "Adeyemi household", "advisorId": "ADV-22", "accounts": []},
                 {"householdId": "BA-H-2104", "name": "Brennan household", "advisorId": "ADV-22", "accounts": [
                   {"accountId": "BA-2104-TX", "type": "TAXABLE", "cash": 10.00},
                   {"accountId": "BA-2104-ROTH", "type": "ROTH_IRA", "cash": 0, "lots": [
                     {"lotId": "BA-L-2104-1", "symbol": "VTI", "quantity": -5, "costBasis": 1500.00, "acquired": "2024-03-01"}]}]},
                 {"householdId": "BA-H-2105", "name": "Castillo household", "advisorId": "ADV-22", "accounts": []}]"""),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("$[3].accounts[1].lots[0].quantity", "-5 must be positive"));
        assertThat(problem.detail()).isEqualTo("$[3].accounts[1].lots[0].quantity: -5 must be positive");
        assertThat(counts()).isEqualTo(before);
        http.refused(HttpRequest.GET("/api/v1/households/BA-H-2101"), HttpStatus.NOT_FOUND);
        http.refused(HttpRequest.GET("/api/v1/households/BA-H-2105"), HttpStatus.NOT_FOUND);
    }

    @Test
    void everyUnacceptableItemIsNamedByItsJsonPath() {
        Problem problem = http.refused(Http.put("/api/v1/households", """
                [{"householdId": "BA-H-2201", "advisorId": "ADV-21", "modelId": "NO-SUCH-MODEL",
                  "taxProfile": {"shortTermRate": 1.35, "longTermRate": 0.15},
                  "accounts": [
                   {"accountId": "BA-2201-TX", "type": "BROKERAGE", "cash": 12.345, "lots": [
                     {"lotId": "BA-L-2201-1", "symbol": "VTI", "quantity": 10, "costBasis": 2950.00, "acquired": "2024-03-01"},
                     {"lotId": "BA-L-2201-2", "symbol": "QQQZ", "quantity": 3, "costBasis": 1400.00, "acquired": "2024-03-01"},
                     {"lotId": "BA-L-2201-1", "symbol": "VEA", "quantity": 3, "costBasis": -1, "acquired": "2024-03-01"}]}],
                  "cashFlows": [{"accountId": "BA-9999-XX", "date": "2026-12-01", "amount": 0}],
                  "ipsBounds": [{"assetClass": "US_AGG_BOND", "minPct": 60, "maxPct": 40}]}]"""), HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).extracting(Problem.FieldError::path, Problem.FieldError::message).containsExactly(
                tuple("$[0].modelId", "model NO-SUCH-MODEL does not exist; add it with PUT /api/v1/models first"),
                tuple("$[0].taxProfile.shortTermRate", "1.35 is not a rate between 0 and 1 (0.35 for 35 %)"),
                tuple("$[0].accounts[0].type", "'BROKERAGE' is not one of TAXABLE, TRADITIONAL_IRA, ROTH_IRA, ERISA_PLAN, TRUST"),
                tuple("$[0].accounts[0].cash", "12.345 has 3 decimals, at most 2 are kept (to the cent)"),
                tuple("$[0].accounts[0].lots[1].symbol",
                        "security QQQZ is not in the security master; add it with PUT /api/v1/securities first"),
                tuple("$[0].accounts[0].lots[2].lotId",
                        "lot id BA-L-2201-1 is also at $[0].accounts[0].lots[0]; a lot id is unique in the book"),
                tuple("$[0].accounts[0].lots[2].costBasis", "-1 must not be negative"),
                tuple("$[0].cashFlows[0].accountId", "account BA-9999-XX is not one of the household's accounts"),
                tuple("$[0].cashFlows[0].amount", "must not be zero (positive for a contribution, negative for a distribution)"),
                tuple("$[0].ipsBounds[0].minPct", "60 % is above the maximum of 40 %"));
        http.refused(HttpRequest.GET("/api/v1/households/BA-H-2201"), HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownFieldIs400NamingItsPath() {
        Problem problem = http.refused(Http.put("/api/v1/households", """
                [{"householdId": "BA-H-2301", "advisorId": "ADV-21", "accounts": [
                   {"accountId": "BA-2301-TX", "type": "TAXABLE", "cash": 0, "lots": [
                     {"lotId": "BA-L-2301-1", "symbol": "VTI", "quantity": 10, "costPerShare": 295.00, "acquired": "2024-03-01"}]}]}]"""),
                HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("$[0].accounts[0].lots[0].costPerShare");
            assertThat(e.message()).isEqualTo("unknown field 'costPerShare'; the fields here are lotId, symbol, quantity, costBasis, acquired");
        });
    }

    @Test
    void anAccountOfAnotherHouseholdIsAConflict() {
        long[] before = counts();
        Problem problem = http.refused(Http.put("/api/v1/households", """
                [{"householdId": "BA-H-2002", "name": "Okoye family trust", "advisorId": "ADV-22", "modelId": "BA-INCOME", "accounts": [
                   {"accountId": "BA-2002-TR", "type": "TRUST", "cash": 15250.75},
                   {"accountId": "BA-2001-TX", "type": "TAXABLE", "cash": 3125.40}]}]"""), HttpStatus.CONFLICT);
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("$[0].accounts[1].accountId",
                "account BA-2001-TX belongs to household BA-H-2001, not BA-H-2002; an account cannot move to another household"));
        assertThat(counts()).isEqualTo(before);
        assertThat(http.get("/api/v1/households/BA-H-2002", HouseholdJson.class).accounts()).hasSize(2);
    }

    @Test
    void anUnknownHouseholdIs404() {
        Problem problem = http.refused(HttpRequest.GET("/api/v1/households/BA-H-NOPE"), HttpStatus.NOT_FOUND);
        assertThat(problem.detail()).isEqualTo("household BA-H-NOPE does not exist");
        http.refused(Http.post("/api/v1/households/BA-H-NOPE/cash-flows",
                "{\"accountId\": \"BA-2001-TX\", \"date\": \"2026-12-01\", \"amount\": 100}"), HttpStatus.NOT_FOUND);
        http.refused(Http.put("/api/v1/households/BA-H-NOPE/restrictions", "[]"), HttpStatus.NOT_FOUND);
    }

    @Test
    void aCashFlowIsAddedThroughTheWholeHouseholdAndKeepsEverythingElse() {
        HouseholdJson after = http.ok(Http.post("/api/v1/households/BA-H-2001/cash-flows",
                "{\"accountId\": \"BA-2001-IRA\", \"date\": \"2026-12-01\", \"amount\": -2500.00, \"note\": \"required minimum distribution\"}"),
                HouseholdJson.class);
        assertThat(after.cashFlows()).containsExactly(
                new CashFlowJson("BA-2001-IRA", LocalDate.of(2026, 12, 1), new BigDecimal("-2500.00"), "required minimum distribution"),
                new CashFlowJson("BA-2001-TX", LocalDate.of(2026, 12, 15), new BigDecimal("-6000.00"), "year-end distribution"));
        assertThat(after.recentTrades()).hasSize(1);
        assertThat(after.accounts()).flatExtracting(AccountJson::lots).hasSize(5);
        assertThat(http.get("/api/v1/households/BA-H-2001", HouseholdJson.class)).isEqualTo(after);

        Problem problem = http.refused(Http.post("/api/v1/households/BA-H-2001/cash-flows",
                "{\"accountId\": \"BA-2002-TR\", \"date\": \"2026-12-01\", \"amount\": 10.005}"), HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("$.accountId", "$.amount");
        Problem unknownField = http.refused(Http.post("/api/v1/households/BA-H-2001/cash-flows",
                "{\"account\": \"BA-2001-TX\", \"date\": \"2026-12-01\", \"amount\": 10}"), HttpStatus.BAD_REQUEST);
        assertThat(unknownField.errors()).extracting(Problem.FieldError::path).containsExactly("$.account");
    }

    @Test
    void aLifeEventIsRecordedAndABadOneNamed() {
        HouseholdJson after = http.ok(Http.post("/api/v1/households/BA-H-2002/life-events",
                "{\"type\": \"death_of_spouse\", \"date\": \"2026-09-02\", \"note\": \"grantor's spouse died\"}"), HouseholdJson.class);
        assertThat(after.lifeEvents()).containsExactly(new LifeEventJson("DEATH_OF_SPOUSE", LocalDate.of(2026, 9, 2), "grantor's spouse died"));
        Problem problem = http.refused(Http.post("/api/v1/households/BA-H-2002/life-events",
                "{\"type\": \"LOTTERY_WIN\", \"date\": \"2026-09-02\"}"), HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("$.type");
    }

    @Test
    void aHouseholdsRestrictionsAreReplacedWhole() {
        HouseholdJson after = http.ok(Http.put("/api/v1/households/BA-H-2001/restrictions", """
                [{"symbol": "xom", "reason": "research blackout"}, {"symbol": "AAPL", "reason": "client is an Apple employee"}]"""),
                HouseholdJson.class);
        assertThat(after.restrictions()).containsExactly(new RestrictionJson("AAPL", "client is an Apple employee"),
                new RestrictionJson("XOM", "research blackout"));
        Problem problem = http.refused(Http.put("/api/v1/households/BA-H-2001/restrictions", """
                [{"symbol": "XOM", "reason": "research blackout"}, {"symbol": "XOM", "reason": "again"}]"""), HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("$[1].symbol");
    }

    @Test
    void theFirmRestrictedListIsReplacedWholeAndEveryChangeIsAudited() {
        List<RestrictionJson> original = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/restrictions/firm"),
                Argument.listOf(RestrictionJson.class));
        String body = "[{\"symbol\": \"TSLA\", \"reason\": \"pending advisory mandate\"}, {\"symbol\": \"XOM\", \"reason\": \"research blackout\"}]";
        WriteReceipt receipt = http.ok(Http.put("/api/v1/restrictions/firm", body), WriteReceipt.class);
        try {
            assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/restrictions/firm"), Argument.listOf(RestrictionJson.class)))
                    .containsExactly(new RestrictionJson("TSLA", "pending advisory mandate"), new RestrictionJson("XOM", "research blackout"));
            List<AuditEntry> entries = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit/entries?type=BOOK_CHANGE&after="
                    + (receipt.auditSeq() - 1) + "&limit=1"), Argument.listOf(AuditEntry.class));
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo(Http.USER);
                assertThat(e.subject()).isEqualTo("/api/v1/restrictions/firm");
                assertThat(e.inputHash()).isEqualTo(Hashes.sha256(body.getBytes(StandardCharsets.UTF_8)));
                assertThat(e.payload()).contains("\"ids\":[\"TSLA\",\"XOM\"]");
            });
            assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit/entries?type=book_change&after="
                    + (receipt.auditSeq() - 1) + "&limit=1"), Argument.listOf(AuditEntry.class)))
                    .as("the type in any case").extracting(AuditEntry::seq).containsExactly(receipt.auditSeq());
            assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit/entries?type=%C3%89CHANGE"),
                    Argument.listOf(AuditEntry.class))).as("no type has a non-ASCII character").isEmpty();
            WriteReceipt emptied = http.ok(Http.put("/api/v1/restrictions/firm", "[]"), WriteReceipt.class);
            assertThat(emptied.written()).isZero();
            assertThat(emptied.auditSeq()).isGreaterThan(receipt.auditSeq());
        } finally {
            http.ok(Http.put("/api/v1/restrictions/firm", jsonOf(original)), WriteReceipt.class);
        }
    }

    @Test
    void aBodyAboveTheMaximumRequestSizeIs413() {
        StringBuilder body = new StringBuilder(11 * 1024 * 1024).append('[');
        while (body.length() < 10_600_000) {
            body.append("{\"symbol\": \"VTI\", \"type\": \"ETF\", \"assetClass\": \"US_TOTAL_MARKET\"},");
        }
        body.setLength(body.length() - 1);
        body.append(']');
        Problem problem = http.refused(Http.put("/api/v1/securities", body.toString()), HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.type()).isEqualTo("/problems/too-large");
    }

    private static String jsonOf(List<RestrictionJson> restrictions) {
        return restrictions.stream().map(r -> "{\"symbol\": \"" + r.symbol() + "\", \"reason\": \"" + r.reason().replace("\"", "\\\"") + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Rows of the book's tables and of the audit trail, to prove a refused request wrote nothing. */
    private long[] counts() {
        return transactions.read(connection -> {
            String[] tables = {"household", "account", "tax_lot", "cash_flow", "life_event", "restriction", "ips_bound", "executed_trade",
                    "audit_entry"};
            long[] counts = new long[tables.length];
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + tables[i])) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
            return counts;
        });
    }
}
