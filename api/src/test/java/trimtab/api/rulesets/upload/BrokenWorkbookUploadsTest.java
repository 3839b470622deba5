package trimtab.api.rulesets.upload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import trimtab.api.TestBooks;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.web.Problem;
import trimtab.engine.rules.TableKind;
import trimtab.rules.ShippedRules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.api.rulesets.upload.RuleSetHttp.body;
import static trimtab.api.rulesets.upload.RuleSetHttp.contentType;
import static trimtab.api.rulesets.upload.RuleSetHttp.edited;
import static trimtab.api.rulesets.upload.RuleSetHttp.set;

/**
 * A corpus of broken workbooks uploaded over HTTP, each made by editing a copy of a shipped workbook with POI (as
 * rule-tests' BrokenWorkbooksTest does) or written from scratch: every one is refused with its problems located by
 * sheet and cell (or row, or the file as a whole), nothing is stored, and the rules in force stay what they were —
 * a screening request afterwards is still decided by the guardrails version that was in force before.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenWorkbookUploadsTest {
    private static final String VERSIONS = "SELECT COUNT(*) FROM rule_set_version";
    private static final String UPLOAD_ENTRIES = "SELECT COUNT(*) FROM audit_entry WHERE entry_type = 'RULE_SET_UPLOADED'";

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
    RuleSetsInForce rules;

    private RuleSetHttp http;
    private long versionsBefore;
    private long uploadEntriesBefore;
    private String inForceBefore;

    /** A located problem the answer must list: sheet, cell (or null for the row only), row, and a piece of the message. */
    record Expected(String sheet, String cell, Integer row, String message) {
    }

    /** One broken upload and every problem its answer must list. */
    record Broken(String mistake, String table, String fileName, Supplier<byte[]> bytes, List<Expected> problems) {
        @Override
        public String toString() {
            return mistake;
        }
    }

    static Stream<Broken> corpus() {
        return Stream.of(
                new Broken("misspelt column type (CONDITON)", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> set(wb, "Trading", "C2", "CONDITON")),
                        List.of(new Expected("Trading", "C2", 2, "column type 'CONDITON' is not one of CONDITION, ACTION"))),
                new Broken("misspelt column header Drools rejects itself", "triggers", "triggers.drl.xlsx",
                        () -> edited(TableKind.TRIGGERS, wb -> set(wb, "Market", "C2", "Hello")),
                        List.of(new Expected("Market", "C2", 2, "Invalid column header: Hello"))),
                new Broken("an unknown field in the code row", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> set(wb, "Concentration", "E4", "securityPctOfAcount > $param")),
                        List.of(new Expected("Concentration", "E4", 4, "'securityPctOfAcount' is not a field of OrderCheck"))),
                new Broken("a drift band of 500 points", "triggers", "triggers.drl.xlsx",
                        () -> edited(TableKind.TRIGGERS, wb -> set(wb, "Drift", "E8", "500")),
                        List.of(new Expected("Drift", "E8", 8, "'500' in column 'Drift more than (pts)' is not plausible for a number"
                                + " of percentage points: it must be from 0 to 100"))),
                new Broken("a household concentration limit of 500 %", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> set(wb, "Concentration", "H9", "500")),
                        List.of(new Expected("Concentration", "H9", 9, "is not plausible for a percentage: it must be from 0 to 100"))),
                new Broken("a negative minimum notional", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> set(wb, "Trading", "G8", "-100")),
                        List.of(new Expected("Trading", "G8", 8, "'-100' in column 'Notional below ($)' is not plausible for an amount"))),
                new Broken("a VIX level of 200", "triggers", "triggers.drl.xlsx",
                        () -> edited(TableKind.TRIGGERS, wb -> set(wb, "Market", "C6", "200")),
                        List.of(new Expected("Market", "C6", 6, "is not plausible for a VIX level: it must be from 0 to 150"))),
                new Broken("a day count of 5000", "triggers", "triggers.drl.xlsx",
                        () -> edited(TableKind.TRIGGERS, wb -> set(wb, "Calendar", "C7", "5000")),
                        List.of(new Expected("Calendar", "C7", 7, "is not plausible for a number of days: it must be from 0 to 3650"))),
                new Broken("a harvest threshold above 100 % in the tax policy", "tax-policy", "tax-policy.drl.xlsx",
                        () -> edited(TableKind.TAX_POLICY, wb -> set(wb, "Policy", "J9", "120")),
                        List.of(new Expected("Policy", "J9", 9, "is not plausible for a percentage"))),
                new Broken("the fact-type cell no longer merged across the condition columns", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> wb.getSheet("Concentration").removeMergedRegion(0)),
                        Stream.of("D", "E", "F", "G", "H", "I").map(c -> new Expected("Concentration", c + "3", 3,
                                "condition column " + c + " has no fact type; if it tests the same fact as the column to its left,"
                                        + " merge the fact-type cells")).toList()),
                new Broken("an empty table: the Market sheet's only rule row deleted", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> wb.getSheet("Market").removeRow(wb.getSheet("Market").getRow(5))),
                        List.of(new Expected("Market", "A6", 6, "the table has no rule rows"))),
                new Broken("an empty Settings sheet", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> {
                            org.apache.poi.ss.usermodel.Sheet settings = wb.getSheet("Settings");
                            for (int r = settings.getLastRowNum(); r >= 0; r--) {
                                if (settings.getRow(r) != null) {
                                    settings.removeRow(settings.getRow(r));
                                }
                            }
                        }),
                        List.of(new Expected(null, null, null, "the RuleSet settings lack 'Variables'"))),
                new Broken("an empty workbook (one blank sheet)", "guardrails", "guardrails.drl.xlsx",
                        BrokenWorkbookUploadsTest::emptyWorkbook,
                        List.of(new Expected(null, null, null, "no decision table found"))),
                new Broken("a zip archive that is not a workbook", "guardrails", "guardrails.drl.xlsx",
                        BrokenWorkbookUploadsTest::notAWorkbook,
                        List.of(new Expected(null, null, null, "is a zip archive but not a readable Excel workbook"))),
                new Broken("a CSV sent as XLSX", "triggers", "triggers.drl.xlsx",
                        () -> "RuleSet,trimtab.triggers\nRuleTable Drift,,\n".getBytes(StandardCharsets.UTF_8),
                        List.of(new Expected(null, null, null, "is not an Excel workbook (it looks like text, perhaps a CSV"))),
                new Broken("a rule id used twice", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> set(wb, "Trading", "A9", "TRADE-MIN-01")),
                        List.of(new Expected("Trading", "A9", 9, "rule id TRADE-MIN-01 is already used on Trading row 8"))),
                new Broken("a row without a description", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> set(wb, "Restrictions", "B8", "")),
                        List.of(new Expected("Restrictions", "B8", 8, "the row has no description"))),
                new Broken("a word where a number belongs", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> set(wb, "Trading", "H9", "a quarter million")),
                        List.of(new Expected("Trading", "H9", 9, "'a quarter million' in column 'Notional above ($)' is not a number"))),
                new Broken("a misspelt severity", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> set(wb, "Allocation", "D6", "BLOKC")),
                        List.of(new Expected("Allocation", "D6", 6, "'BLOKC' in column 'Severity' is not one of BLOCK, REQUIRE_APPROVAL, WARN"))),
                new Broken("a rule typed below the blank row that ends its table", "triggers", "triggers.drl.xlsx",
                        () -> edited(TableKind.TRIGGERS, wb -> {
                            set(wb, "LifeEvents", "A12", "LIFE-MAR-01");
                            set(wb, "LifeEvents", "B12", "Marriage on {date}: review beneficiaries.");
                            set(wb, "LifeEvents", "C12", "MARRIAGE");
                            set(wb, "LifeEvents", "F12", "REVIEW");
                        }),
                        List.of(new Expected("LifeEvents", "A12", 12, "is below the blank row that ends table 'Life events'"))),
                new Broken("three mistakes on two sheets: every one is listed", "guardrails", "guardrails.drl.xlsx",
                        () -> edited(TableKind.GUARDRAILS, wb -> {
                            set(wb, "Trading", "G8", "-100");
                            set(wb, "Trading", "H9", "lots");
                            set(wb, "Restrictions", "B8", "");
                        }),
                        List.of(new Expected("Restrictions", "B8", 8, "the row has no description"),
                                new Expected("Trading", "G8", 8, "is not plausible for an amount in dollars"),
                                new Expected("Trading", "H9", 9, "'lots' in column 'Notional above ($)' is not a number"))));
    }

    @BeforeAll
    void rememberWhatIsInForce() {
        http = new RuleSetHttp(client, json);
        versionsBefore = RuleSetHttp.count(transactions, VERSIONS);
        uploadEntriesBefore = RuleSetHttp.count(transactions, UPLOAD_ENTRIES);
        inForceBefore = body(http.get("/api/v1/rule-sets"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void is_refused_with_every_problem_located_and_nothing_stored(Broken broken) {
        long before = RuleSetHttp.count(transactions, VERSIONS);

        HttpResponse<String> answer = http.uploadForm(broken.table(), broken.fileName(), broken.bytes().get(),
                "trying: " + broken.mistake());

        assertThat(answer.code()).as(body(answer)).isEqualTo(422);
        assertThat(contentType(answer)).isEqualTo("application/problem+json");
        WorkbookProblem problem = http.read(answer, WorkbookProblem.class);
        assertThat(problem.type()).isEqualTo("/problems/invalid-workbook");
        assertThat(problem.detail()).startsWith(broken.fileName() + " was not stored: ").endsWith("The rules in force are unchanged.");
        assertThat(problem.errors()).as(body(answer)).hasSameSizeAs(broken.problems());
        for (Expected expected : broken.problems()) {
            assertThat(problem.errors()).as(body(answer)).anySatisfy(error -> {
                assertThat(error.workbook()).isEqualTo(broken.fileName());
                assertThat(error.sheet()).isEqualTo(expected.sheet());
                assertThat(error.cell()).isEqualTo(expected.cell());
                assertThat(error.row()).isEqualTo(expected.row());
                assertThat(error.message()).contains(expected.message());
                assertThat(error.path()).isEqualTo(expected.sheet() == null ? "file"
                        : "sheet " + expected.sheet() + ", cell " + expected.cell() + " (row " + expected.row()
                        + (error.ruleId() == null ? "" : ", rule " + error.ruleId()) + ")");
            });
        }
        assertThat(RuleSetHttp.count(transactions, VERSIONS)).isEqualTo(before);
    }

    @Test
    void a_guardrails_workbook_uploaded_as_the_triggers_table_is_refused_on_every_sheet() {
        HttpResponse<String> answer = http.uploadForm("triggers", "guardrails.drl.xlsx", ShippedRules.workbook(TableKind.GUARDRAILS).bytes(),
                "wrong table");

        assertThat(answer.code()).isEqualTo(422);
        List<WorkbookProblem.WorkbookError> errors = http.read(answer, WorkbookProblem.class).errors();
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).startsWith("'OrderCheck' is not a fact this table can test; use one of"));
        assertThat(errors).extracting(WorkbookProblem.WorkbookError::sheet).containsOnly("Data", "Restrictions", "Concentration",
                "Allocation", "Trading", "WashSale", "Market");
        assertThat(errors).filteredOn(e -> e.sheet().equals("Data")).extracting(WorkbookProblem.WorkbookError::path)
                .contains("sheet Data, cell C3 (row 3)");
    }

    @Test
    void an_out_of_range_threshold_names_the_rows_rule_id_in_its_path() {
        HttpResponse<String> answer = http.uploadForm("guardrails", "guardrails.drl.xlsx",
                edited(TableKind.GUARDRAILS, wb -> set(wb, "Trading", "G8", "-100")), "minimum notional");

        WorkbookProblem.WorkbookError error = http.read(answer, WorkbookProblem.class).errors().get(0);
        assertThat(error.path()).isEqualTo("sheet Trading, cell G8 (row 8, rule TRADE-MIN-01)");
        assertThat(error.ruleId()).isEqualTo("TRADE-MIN-01");
        assertThat(error.message()).isEqualTo("'-100' in column 'Notional below ($)' is not plausible for an amount in dollars:"
                + " it must be from 0 to 1000000000000");
    }

    @Test
    void a_file_of_50_mb_is_refused_with_413_and_the_service_carries_on() {
        byte[] huge = new byte[50 * 1024 * 1024];
        huge[0] = 'P';
        huge[1] = 'K';

        HttpResponse<String> answer = http.uploadRaw("guardrails", "?fileName=guardrails.drl.xlsx", RuleSetHttp.XLSX, huge, "big");

        assertThat(answer.code()).as(body(answer)).isEqualTo(413);
        assertThat(contentType(answer)).isEqualTo("application/problem+json");
        assertThat(http.read(answer, Problem.class).type()).isEqualTo("/problems/too-large");
        assertThat(http.get("/api/v1/rule-sets").code()).isEqualTo(200);

        HttpResponse<String> form = http.uploadForm("guardrails", "guardrails.drl.xlsx", huge, "big, from a form");

        assertThat(form.code()).as(body(form)).isEqualTo(413);
        assertThat(contentType(form)).isEqualTo("application/problem+json");
        assertThat(http.get("/api/v1/rule-sets").code()).isEqualTo(200);
    }

    @Test
    void a_file_above_5_mb_is_refused_with_413_saying_the_limit() {
        byte[] big = new byte[6 * 1024 * 1024];
        big[0] = 'P';
        big[1] = 'K';

        HttpResponse<String> answer = http.uploadForm("guardrails", "guardrails.drl.xlsx", big, "big");

        assertThat(answer.code()).as(body(answer)).isEqualTo(413);
        Problem problem = http.read(answer, Problem.class);
        assertThat(problem.detail()).isEqualTo("guardrails.drl.xlsx is 6.0 MB; a rule workbook may be at most 5 MB");
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("file");
    }

    @Test
    void an_upload_without_a_comment_is_refused_naming_the_comment() {
        Problem problem = http.read(http.uploadForm("guardrails", "guardrails.drl.xlsx",
                ShippedRules.workbook(TableKind.GUARDRAILS).bytes(), null), Problem.class);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("comment");
            assertThat(e.message()).startsWith("a comment is required");
        });
        assertThat(http.read(http.uploadRaw("guardrails", "?comment=%20%20", RuleSetHttp.XLSX,
                ShippedRules.workbook(TableKind.GUARDRAILS).bytes(), null), Problem.class).errors())
                .extracting(Problem.FieldError::path).containsExactly("comment");
    }

    @Test
    void a_file_that_is_neither_xlsx_nor_csv_by_name_is_refused_naming_the_file_name() {
        HttpResponse<String> answer = http.uploadForm("guardrails", "guardrails.ods", ShippedRules.workbook(TableKind.GUARDRAILS).bytes(),
                "an OpenDocument file");

        assertThat(answer.code()).isEqualTo(422);
        assertThat(http.read(answer, Problem.class).errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("fileName");
            assertThat(e.message()).startsWith("'guardrails.ods' is neither an Excel workbook (.xlsx) nor a CSV table (.csv)");
        });
    }

    @Test
    void an_upload_without_a_file_part_is_refused_naming_the_file() {
        HttpResponse<String> answer = http.exchange(HttpRequest.POST("/api/v1/rule-sets/guardrails/versions",
                        io.micronaut.http.client.multipart.MultipartBody.builder().addPart("comment", "no file").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));

        assertThat(answer.code()).as(body(answer)).isEqualTo(422);
        assertThat(http.read(answer, Problem.class).errors()).extracting(Problem.FieldError::path).containsExactly("file");
    }

    @Test
    void a_table_that_does_not_exist_is_not_found() {
        HttpResponse<String> answer = http.uploadForm("bonds", "bonds.drl.xlsx", ShippedRules.workbook(TableKind.GUARDRAILS).bytes(),
                "no such table");

        assertThat(answer.code()).isEqualTo(404);
        assertThat(contentType(answer)).isEqualTo("application/problem+json");
        assertThat(http.read(answer, Problem.class).detail())
                .isEqualTo("there is no rule-set table 'bonds'; the tables are triggers, tax-policy and guardrails");
    }

    @AfterAll
    void nothingWasStoredAndTheRulesInForceAreUnchanged() {
        assertThat(RuleSetHttp.count(transactions, VERSIONS)).isEqualTo(versionsBefore);
        assertThat(RuleSetHttp.count(transactions, UPLOAD_ENTRIES)).isEqualTo(uploadEntriesBefore);
        assertThat(body(http.get("/api/v1/rule-sets"))).isEqualTo(inForceBefore);
        assertThat(rules.current().guardrails().version().version()).isEqualTo(1);

        // an order screened now is still decided by guardrails version 1, the shipped workbook
        TestBooks.load(transactions, writer, TestBooks.demo());
        HttpResponse<String> screened = http.exchange(HttpRequest.POST("/api/v1/orders/screen?asOf=2026-11-24", """
                        {"orders": [{"orderId": "O-1", "accountId": "ACC-1001-TX", "symbol": "VTI", "side": "BUY", "quantity": 10}]}""")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Test-User", "oms-upload-test")
                .header("Idempotency-Key", "upload-test-" + UUID.randomUUID()));
        assertThat(screened.code()).as(body(screened)).isEqualTo(200);
        Map<?, ?> ruleSet = (Map<?, ?>) http.read(screened, Map.class).get("ruleSet");
        assertThat(ruleSet.get("table")).isEqualTo("GUARDRAILS");
        assertThat(ruleSet.get("version")).isEqualTo(1);
        assertThat(ruleSet.get("checksum")).isEqualTo(ShippedRules.workbook(TableKind.GUARDRAILS).sha256());
    }

    private static byte[] emptyWorkbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Sheet1");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] notAWorkbook() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("quarterly notes".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return zip.toByteArray();
    }
}
