package trimtab.api.custodianimport;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trimtab.api.audit.AuditEntry;
import trimtab.api.audit.Hashes;
import trimtab.api.book.AccountJson;
import trimtab.api.book.BookApiFixtures;
import trimtab.api.book.HouseholdJson;
import trimtab.api.book.HouseholdSummary;
import trimtab.api.book.LotJson;
import trimtab.api.database.Transactions;
import trimtab.api.web.Problem;
import trimtab.api.web.Problems;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.groups.Tuple.tuple;

/** Custodian position files through HTTP against the embedded MariaDB. */
@MicronautTest(transactional = false)
class PositionImportTest {
    /** Before each test: two households as the CRM knows them, with lots the custodian file will replace. */
    static final String HOUSEHOLDS = """
            [{"householdId": "BA-H-3001", "name": "Marsh household", "advisorId": "ADV-31", "modelId": "BA-BALANCED",
              "accounts": [
                {"accountId": "BA-3001-TX", "type": "TAXABLE", "custodian": "SCHWAB", "cash": 100.00, "esgExclusions": ["tobacco"],
                 "lots": [
                   {"lotId": "BA-L-3001-OLD1", "symbol": "VTI", "quantity": 10, "costBasis": 2000.00, "acquired": "2018-01-02"},
                   {"lotId": "BA-L-3001-OLD2", "symbol": "VEA", "quantity": 50, "costBasis": 2400.00, "acquired": "2018-01-02"}]},
                {"accountId": "BA-3001-IRA", "type": "TRADITIONAL_IRA", "custodian": "SCHWAB", "cash": 0}],
              "cashFlows": [{"accountId": "BA-3001-TX", "date": "2026-12-20", "amount": 5000.00, "note": "bonus contribution"}],
              "recentTrades": [{"accountId": "BA-3001-TX", "symbol": "VEA", "side": "BUY", "quantity": 50, "price": 55.10,
                                "tradeDate": "2026-09-15"}]},
             {"householdId": "BA-H-3002", "name": "Ito household", "advisorId": "ADV-31",
              "accounts": [
                {"accountId": "BA-3002-ROTH", "type": "ROTH_IRA", "custodian": "SCHWAB", "cash": 12.00, "lots": [
                  {"lotId": "BA-L-3002-1", "symbol": "VTI", "quantity": 5, "costBasis": 1250.00, "acquired": "2021-02-01"}]}]}]""";

    /**
     * Six lines for four accounts of two households: BA-3001-TX gets three lots (cash 5,230.17, given twice,
     * equally), BA-3001-IRA one (a US date), BA-3001-ROTH is new with one lot, BA-3002-ROTH is emptied to cash
     * 310.55 by a cash-only line. The custodian's name holds a comma, so it is quoted.
     */
    static final String GOOD_FILE = """
            account_id,household_id,account_type,custodian,symbol,lot_id,quantity,cost_basis,acquired_date,cash
            BA-3001-TX,BA-H-3001,TAXABLE,"Charles Schwab & Co., Inc.",VTI,BA-L-3001-A,150,30111.00,2019-06-14,5230.17
            BA-3001-TX,BA-H-3001,TAXABLE,"Charles Schwab & Co., Inc.",VTI,BA-L-3001-B,40.25,10012.19,2023-11-02,
            BA-3001-TX,BA-H-3001,TAXABLE,"Charles Schwab & Co., Inc.",AAPL,"BA-L-3001-C",30,4512.60,2020-03-23,5230.17
            BA-3001-IRA,BA-H-3001,traditional_ira,"Charles Schwab & Co., Inc.",BND,BA-L-3001-D,250,18875.50,01/15/2021,1200.00
            BA-3001-ROTH,BA-H-3001,ROTH_IRA,"Charles Schwab & Co., Inc.",SGOV,BA-L-3001-E,20,2008.20,2026-08-03,
            BA-3002-ROTH,BA-H-3002,ROTH_IRA,"Charles Schwab & Co., Inc.",,,,,,310.55
            """;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Transactions transactions;

    @BeforeEach
    void setUp() {
        BookApiFixtures.securitiesAndModels(client);
        BookApiFixtures.put(client, "/api/v1/households", HOUSEHOLDS);
    }

    @Test
    void aGoodFileReplacesTheLotsOfTheAccountsItNamesAndIsAudited() {
        byte[] file = GOOD_FILE.getBytes(StandardCharsets.UTF_8);
        ImportSummary summary = client.toBlocking().retrieve(csv("/api/v1/imports/positions", file), ImportSummary.class);

        assertThat(summary.lines()).isEqualTo(6);
        assertThat(summary.accounts()).isEqualTo(4);
        assertThat(summary.accountsCreated()).isEqualTo(1);
        assertThat(summary.lots()).isEqualTo(5);
        assertThat(summary.households()).containsExactly("BA-H-3001", "BA-H-3002");
        assertThat(summary.inputHash()).isEqualTo(Hashes.sha256(file));

        HouseholdJson marsh = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/households/BA-H-3001"), HouseholdJson.class);
        assertThat(marsh.accounts()).extracting(AccountJson::accountId, AccountJson::type, AccountJson::cash, AccountJson::custodian)
                .containsExactly(
                        tuple("BA-3001-IRA", "TRADITIONAL_IRA", new BigDecimal("1200.00"), "Charles Schwab & Co., Inc."),
                        tuple("BA-3001-ROTH", "ROTH_IRA", new BigDecimal("0.00"), "Charles Schwab & Co., Inc."),
                        tuple("BA-3001-TX", "TAXABLE", new BigDecimal("5230.17"), "Charles Schwab & Co., Inc."));
        assertThat(marsh.accounts().get(0).lots()).containsExactly(
                new LotJson("BA-L-3001-D", "BND", new BigDecimal("250"), new BigDecimal("18875.50"), LocalDate.of(2021, 1, 15)));
        assertThat(marsh.accounts().get(1).lots()).containsExactly(
                new LotJson("BA-L-3001-E", "SGOV", new BigDecimal("20"), new BigDecimal("2008.20"), LocalDate.of(2026, 8, 3)));
        assertThat(marsh.accounts().get(2).lots()).containsExactly(
                new LotJson("BA-L-3001-A", "VTI", new BigDecimal("150"), new BigDecimal("30111.00"), LocalDate.of(2019, 6, 14)),
                new LotJson("BA-L-3001-C", "AAPL", new BigDecimal("30"), new BigDecimal("4512.60"), LocalDate.of(2020, 3, 23)),
                new LotJson("BA-L-3001-B", "VTI", new BigDecimal("40.25"), new BigDecimal("10012.19"), LocalDate.of(2023, 11, 2)));
        // What the file does not speak of is kept: the account's ESG exclusions, the cash flow, the recent trade.
        assertThat(marsh.accounts().get(2).esgExclusions()).containsExactly("tobacco");
        assertThat(marsh.cashFlows()).hasSize(1);
        assertThat(marsh.recentTrades()).hasSize(1);

        HouseholdJson ito = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/households/BA-H-3002"), HouseholdJson.class);
        assertThat(ito.accounts()).singleElement().satisfies(a -> {
            assertThat(a.lots()).isEmpty();
            assertThat(a.cash()).isEqualTo(new BigDecimal("310.55"));
        });
        assertThat(count("SELECT COUNT(*) FROM tax_lot WHERE lot_id IN ('BA-L-3001-OLD1', 'BA-L-3001-OLD2', 'BA-L-3002-1')")).isZero();

        // Valued on 2026-09-30 (SecuritiesApiTest prices): cash 5,230.17 + 1,200.00 + 0.00 = 6,430.17; VTI 150 x 301.37 =
        // 45,205.50, VTI 40.25 x 301.37 = 12,130.1425, AAPL 30 x 254.63 = 7,638.90, BND 250 x 73.94 = 18,485.00,
        // SGOV 20 x 100.41 = 2,008.20; total 91,897.9125 -> 91,897.91.
        List<HouseholdSummary> summaries = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/households?advisorId=ADV-31&asOf=2026-09-30"), Argument.listOf(HouseholdSummary.class));
        assertThat(summaries).filteredOn(h -> h.householdId().equals("BA-H-3001")).singleElement()
                .satisfies(h -> {
                    assertThat(h.accounts()).isEqualTo(3);
                    assertThat(h.lots()).isEqualTo(5);
                    assertThat(h.totalValue()).isEqualTo(new BigDecimal("91897.91"));
                });

        List<AuditEntry> entries = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit/entries?type=IMPORT&after="
                + (summary.auditSeq() - 1) + "&limit=1"), Argument.listOf(AuditEntry.class));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(summary.auditSeq());
            assertThat(e.actor()).isEqualTo("ops.lena");
            assertThat(e.inputHash()).isEqualTo(Hashes.sha256(file));
            assertThat(e.subject()).isEqualTo("positions:" + Hashes.sha256(file));
            assertThat(e.payload()).contains("\"accountsCreated\":[\"BA-3001-ROTH\"]").contains("\"lots\":5");
        });
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEveryBadLineNamedAndNothingWritten() {
        String bad = """
                account_id,household_id,account_type,custodian,symbol,lot_id,quantity,cost_basis,acquired_date,cash
                BA-3001-TX,BA-H-3001,TAXABLE,SCHWAB,VTI,BA-L-3001-A,150,30111.00,2019-06-14,5230.17
                BA-3001-TX,BA-H-3001,TAXABLE,SCHWAB,ZZZZ,BA-L-3001-B,10,1000.00,2023-11-02,
                BA-3001-TX,BA-H-3001,TAXABLE,SCHWAB,VTI,BA-L-3001-C,12.5.1,1000.00,2023-11-02,
                BA-3001-IRA,BA-H-3001,TRADITIONAL_IRA,SCHWAB,BND,BA-L-3001-D,250,18875.50,2023-02-30,
                BA-3001-IRA,BA-H-3001,TRADITIONAL_IRA,SCHWAB,BND,BA-L-3001-E,-10,700.00,2023-03-01,
                BA-3001-IRA,BA-H-3001,TRADITIONAL_IRA,SCHWAB,BND,BA-L-3001-F,10,700.00
                BA-3001-ROTH,BA-H-3001,IRA,SCHWAB,SGOV,BA-L-3001-G,20,2008.20,2026-08-03,
                BA-3002-ROTH,BA-H-3001,ROTH_IRA,SCHWAB,VTI,BA-L-3001-H,5,1500.00,2024-01-02,
                BA-3001-TX,BA-H-3001,TAXABLE,SCHWAB,VEA,BA-L-3001-A,100,5500.00,2024-05-01,
                """;
        long[] before = rows();
        Problem problem = refused(csv("/api/v1/imports/positions?custodian=SCHWAB", bad.getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.errors()).extracting(Problem.FieldError::path, Problem.FieldError::message).containsExactly(
                tuple("line 3, column symbol (5)",
                        "security ZZZZ is not in the security master; add it with PUT /api/v1/securities first"),
                tuple("line 4, column quantity (7)",
                        "'12.5.1' is not a number (write it plainly: 1234.56, no currency sign or thousands separator)"),
                tuple("line 5, column acquired_date (9)", "'2023-02-30' is not a date (YYYY-MM-DD, or MM/DD/YYYY)"),
                tuple("line 6, column quantity (7)", "quantity -10 must be positive"),
                tuple("line 7", "has 8 fields, the header has 10"),
                tuple("line 8, column account_type (3)",
                        "unknown account type 'IRA'; the types are TAXABLE, TRADITIONAL_IRA, ROTH_IRA, ERISA_PLAN, TRUST"),
                tuple("line 9, column household_id (2)",
                        "account BA-3002-ROTH belongs to household BA-H-3002, not BA-H-3001"),
                tuple("line 10, column lot_id (6)", "lot id BA-L-3001-A is also on line 2; a lot id is unique"));
        assertThat(problem.detail()).startsWith("the file was not imported: 8 lines have problems");

        assertThat(rows()).isEqualTo(before);
        HouseholdJson marsh = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/households/BA-H-3001"), HouseholdJson.class);
        assertThat(marsh.accounts()).filteredOn(a -> a.accountId().equals("BA-3001-TX")).singleElement().satisfies(a -> {
            assertThat(a.lots()).extracting(LotJson::lotId).containsExactly("BA-L-3001-OLD1", "BA-L-3001-OLD2");
            assertThat(a.cash()).isEqualTo(new BigDecimal("100.00"));
        });
    }

    @Test
    void anAccountsLinesMustAgreeAndItsHouseholdMustExist() {
        String file = """
                account_id,household_id,account_type,symbol,lot_id,quantity,cost_basis,acquired_date,cash
                BA-3001-TX,BA-H-3001,TAXABLE,VTI,BA-L-3001-A,150,30111.00,2019-06-14,5230.17
                BA-3001-TX,BA-H-3001,TRUST,VTI,BA-L-3001-B,10,3000.00,2019-06-14,5230.18
                BA-3009-TX,BA-H-NOPE,TAXABLE,VTI,BA-L-3009-A,1,300.00,2019-06-14,
                BA-3001-IRA,BA-H-3001,ROTH_IRA,,,,,,
                """;
        Problem problem = refused(csv("/api/v1/imports/positions?custodian=SCHWAB", file.getBytes(StandardCharsets.UTF_8)));
        assertThat(problem.errors()).extracting(Problem.FieldError::path, Problem.FieldError::message).containsExactly(
                tuple("line 3, column account_type (3)", "account BA-3001-TX is TAXABLE on line 2"),
                tuple("line 3, column cash (9)",
                        "account BA-3001-TX is given cash 5230.17 on line 2; an account has one cash balance"),
                tuple("line 4, column household_id (2)",
                        "household BA-H-NOPE does not exist; create it with PUT /api/v1/households first"),
                tuple("line 5, column symbol (4)",
                        "is empty: a line is a lot (symbol, lot_id, quantity, cost_basis, acquired_date) or the account's cash alone"));
    }

    @Test
    void theHeaderIsRequiredAndTheCustodianMustBeNamed() {
        Problem noHeader = refused(csv("/api/v1/imports/positions?custodian=SCHWAB",
                "BA-3001-TX,BA-H-3001,TAXABLE,VTI,BA-L-3001-A,150,30111.00,2019-06-14\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(noHeader.errors()).first().satisfies(e -> {
            assertThat(e.path()).isEqualTo("line 1");
            assertThat(e.message()).startsWith("missing column account_id");
        });
        assertThat(noHeader.errors()).extracting(Problem.FieldError::path).contains("line 1, column BA-3001-TX (1)");

        Problem noCustodian = refused(csv("/api/v1/imports/positions",
                "account_id,household_id,account_type,symbol,lot_id,quantity,cost_basis,acquired_date\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(noCustodian.errors()).extracting(Problem.FieldError::message).contains(
                "name the custodian: add a custodian column or send the file with ?custodian=");

        Problem otherCustodian = refused(csv("/api/v1/imports/positions?custodian=FIDELITY", GOOD_FILE.getBytes(StandardCharsets.UTF_8)));
        assertThat(otherCustodian.errors()).hasSize(6).first().isEqualTo(new Problem.FieldError("line 2, column custodian (4)",
                "custodian Charles Schwab & Co., Inc. in a file sent as FIDELITY's"));
    }

    private static MutableHttpRequest<byte[]> csv(String uri, byte[] file) {
        return HttpRequest.POST(uri, file).contentType(MediaType.of("text/csv")).header("X-Test-User", "ops.lena");
    }

    private Problem refused(MutableHttpRequest<byte[]> request) {
        try {
            client.toBlocking().exchange(request, String.class);
            return fail("the file was imported");
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).as(e.getResponse().getBody(String.class).orElse("")).isEqualTo(422);
            assertThat(e.getResponse().getContentType()).map(MediaType::toString).hasValue(Problems.MEDIA_TYPE);
            return e.getResponse().getBody(Problem.class).orElseThrow();
        }
    }

    private long[] rows() {
        return new long[] {count("SELECT COUNT(*) FROM household"), count("SELECT COUNT(*) FROM account"),
                count("SELECT COUNT(*) FROM tax_lot"), count("SELECT COUNT(*) FROM audit_entry"),
                count("SELECT COALESCE(SUM(cash), 0) * 100 FROM account")};
    }

    private long count(String sql) {
        return transactions.read(connection -> {
            try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
