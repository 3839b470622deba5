package trimtab.api.rulesets.upload;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import trimtab.api.audit.Hashes;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.review.LifecycleState;
import trimtab.api.rulesets.review.RuleSetViews;
import trimtab.api.web.Problem;
import trimtab.engine.rules.TableKind;
import trimtab.rules.ShippedRules;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.api.rulesets.upload.RuleSetHttp.OFFICER;
import static trimtab.api.rulesets.upload.RuleSetHttp.body;
import static trimtab.api.rulesets.upload.RuleSetHttp.contentType;
import static trimtab.api.rulesets.upload.RuleSetHttp.edited;
import static trimtab.api.rulesets.upload.RuleSetHttp.set;

/**
 * Good uploads, and everything a reviewer reads about them: the stored bytes, the generated rules, the diff against the
 * version in force, the scenarios the change affects, the lifecycle state, and that nothing in force changed.
 */
@MicronautTest(transactional = false)
class UploadAndReviewTest {
    /*
     * CONC-SEC-HH-01 (guardrails, sheet Concentration, row 9) asks a compliance officer to approve a buy that takes a
     * stock above 5 % of the household. Raised to 6 %, two scenarios of rule-tests/scenarios/guardrails/concentration.yaml
     * change outcome: AAPL at 5.01 % of household H-2007 and at 5.50 % of H-2009 no longer need approval, so the
     * scenarios expecting REQUIRE_APPROVAL fail (the order now PASSes). Every other scenario with CONC-SEC-HH-01 has the
     * stock at 10 % or more of its household and still passes; the planner scenarios trade no single stock that far.
     */
    private static final List<String> CHANGED_BY_6_PERCENT = List.of(
            "Just above 5 % of the household needs a compliance officer's approval",
            "The household limit counts the stock in every account — a small buy on top of an IRA holding goes above 5 %");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    Transactions transactions;
    @Inject
    RuleSetsInForce rules;

    @Test
    void a_household_limit_raised_from_5_to_6_percent_is_stored_as_a_draft_naming_the_scenarios_it_changes() {
        RuleSetHttp http = new RuleSetHttp(client, json);
        byte[] raised = edited(TableKind.GUARDRAILS, wb -> set(wb, "Concentration", "H9", "6"));
        String sha256 = Hashes.sha256(raised);
        int latestBefore = latest(http, "guardrails");
        List<String> inForceBefore = inForce(http);

        HttpResponse<String> answer = http.uploadForm("guardrails", "guardrails.drl.xlsx", raised,
                "Household single-stock approval threshold 5 % -> 6 % (investment committee, 2026-11-20)");

        assertThat(answer.code()).as(body(answer)).isEqualTo(201);
        UploadReceipt receipt = http.read(answer, UploadReceipt.class);
        int version = receipt.version();
        assertThat(version).as("the next version: 2 on a fresh database").isEqualTo(latestBefore + 1);
        assertThat(answer.header(HttpHeaders.LOCATION)).isEqualTo("/api/v1/rule-sets/guardrails/versions/" + version);
        assertThat(receipt.table()).isEqualTo("guardrails");
        assertThat(receipt.state()).isEqualTo("DRAFT");
        assertThat(receipt.fileName()).isEqualTo("guardrails.drl.xlsx");
        assertThat(receipt.sha256()).isEqualTo(sha256);
        assertThat(receipt.ruleCount()).isEqualTo(24); // Data 5, Restrictions 6, Concentration 5, Allocation 1, Trading 4, WashSale 2, Market 1
        assertThat(receipt.uploadedBy()).isEqualTo(OFFICER);
        assertThat(receipt.comment()).isEqualTo("Household single-stock approval threshold 5 % -> 6 % (investment committee, 2026-11-20)");

        // the scenario report names exactly the two scenarios between 5 and 6 %
        ValidationReport report = receipt.validation();
        assertThat(report.scenarios().changes()).extracting(ValidationReport.ScenarioChange::scenario)
                .containsExactlyInAnyOrderElementsOf(CHANGED_BY_6_PERCENT);
        assertThat(report.scenarios().changes()).allSatisfy(change -> {
            assertThat(change.file()).isEqualTo("guardrails/concentration.yaml");
            assertThat(change.inForce()).isEqualTo("PASS");
            assertThat(change.thisVersion()).isEqualTo("FAIL");
            assertThat(change.differences()).contains("order O-1: verdict PASS, expected REQUIRE_APPROVAL",
                    "order O-1: violations [], expected [CONC-SEC-HH-01]");
        });
        assertThat(report.scenarios().passedInForce()).isEqualTo(report.scenarios().run());
        assertThat(report.scenarios().passedWithThisVersion()).isEqualTo(report.scenarios().run() - 2);
        assertThat(report.scenarios().run()).as("guardrail and planner scenarios").isGreaterThanOrEqualTo(56);
        assertThat(report.warnings()).extracting(ValidationReport.Warning::kind)
                .containsExactly(ValidationReport.WarningKind.SCENARIO_NOW_FAILS, ValidationReport.WarningKind.SCENARIO_NOW_FAILS);
        assertThat(report.warnings().get(0).message()).contains("passes with the rules in force but fails with this version");
        assertThat(report.checkedAgainst()).contains(new ValidationReport.RuleSetRef("guardrails", 1,
                ShippedRules.workbook(TableKind.GUARDRAILS).sha256()));

        // stored byte for byte, with its audit entry (actor, input hash = the bytes' SHA-256) in the same transaction
        assertThat(storedBytes(version)).isEqualTo(raised);
        Map<String, String> entry = auditEntry("GUARDRAILS:" + version);
        assertThat(entry).containsEntry("actor", OFFICER).containsEntry("input_hash", sha256)
                .containsEntry("rule_sets", "GUARDRAILS:" + version + ":" + sha256);
        assertThat(receipt.auditSeq()).isEqualTo(Long.parseLong(entry.get("seq")));

        // the download is the exact bytes, under the file name, as an Excel workbook
        HttpResponse<byte[]> download = http.getBytes("/api/v1/rule-sets/guardrails/versions/" + version + "/workbook");
        assertThat(Hashes.sha256(download.body())).isEqualTo(sha256);
        assertThat(contentType(download)).isEqualTo(RuleSetHttp.XLSX);
        assertThat(download.header(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"guardrails.drl.xlsx\"; filename*=UTF-8''guardrails.drl.xlsx");
        assertThat(download.header(HttpHeaders.ETAG)).isEqualTo("\"" + sha256 + "\"");

        // the generated rules show the new threshold; the version in force still has the old one
        HttpResponse<String> drl = http.get("/api/v1/rule-sets/guardrails/versions/" + version + "/drl");
        assertThat(contentType(drl)).startsWith("text/plain");
        assertThat(body(drl)).contains("securityPctOfHousehold > 6").doesNotContain("securityPctOfHousehold > 5");
        assertThat(body(http.get("/api/v1/rule-sets/guardrails/versions/1/drl"))).contains("securityPctOfHousehold > 5");

        // the diff against the version in force: one cell, one line of generated rules
        HttpResponse<String> diff = http.get("/api/v1/rule-sets/guardrails/versions/" + version + "/diff?against=active");
        assertThat(contentType(diff)).startsWith("text/plain");
        String text = body(diff);
        assertThat(text).startsWith("Rule set guardrails: version " + version + " against version 1 (in force)\n")
                .contains("=== Cells (every non-empty cell as Sheet!A1: value) ===\n--- guardrails/v1/cells\n+++ guardrails/v" + version + "/cells\n")
                .contains("\n-Concentration!H9: 5\n+Concentration!H9: 6\n")
                .contains("=== Generated rules (DRL) ===\n--- guardrails/v1/drl\n+++ guardrails/v" + version + "/drl\n");
        assertThat(text.lines().filter(l -> l.startsWith("-") && !l.startsWith("---"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("securityPctOfHousehold > 5"));
        assertThat(text.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("securityPctOfHousehold > 6"));
        // H9 is the 167th non-empty cell of the workbook (Settings 8, Data 45, Restrictions 59, Concentration rows 1-8 50, then
        // A9, B9, C9, D9, H9): the hunk starts three lines of context before it
        assertThat(text.lines().filter(l -> l.startsWith("@@"))).containsExactly("@@ -164,7 +164,7 @@", hunkOfDrl(text));
        assertThat(body(http.get("/api/v1/rule-sets/guardrails/versions/" + version + "/diff?against=" + version)))
                .contains("=== Cells (every non-empty cell as Sheet!A1: value) ===\n(no difference)\n")
                .endsWith("=== Generated rules (DRL) ===\n(no difference)\n");

        // the version is a draft; version 1 is still the one in force, for every request of this instance too
        assertThat(inForce(http)).isEqualTo(inForceBefore).anySatisfy(t -> assertThat(t).startsWith("guardrails v1 sha256 "
                + ShippedRules.workbook(TableKind.GUARDRAILS).sha256() + " activated by trimtab at "));
        assertThat(rules.current().guardrails().version().version()).isEqualTo(1);
        List<RuleSetViews.VersionSummary> versions = versions(http, "guardrails");
        assertThat(versions.get(0)).extracting(RuleSetViews.VersionSummary::version, RuleSetViews.VersionSummary::state,
                        RuleSetViews.VersionSummary::sha256, RuleSetViews.VersionSummary::uploadedBy, RuleSetViews.VersionSummary::ruleCount)
                .containsExactly(version, LifecycleState.DRAFT, sha256, OFFICER, 24);
        assertThat(versions.get(versions.size() - 1)).extracting(RuleSetViews.VersionSummary::version, RuleSetViews.VersionSummary::state)
                .containsExactly(1, LifecycleState.ACTIVE);
        RuleSetViews.VersionDetail detail = http.read(http.get("/api/v1/rule-sets/guardrails/versions/" + version),
                RuleSetViews.VersionDetail.class);
        assertThat(detail.state()).isEqualTo(LifecycleState.DRAFT);
        assertThat(detail.comment()).isEqualTo(receipt.comment());
        assertThat(detail.events()).isEmpty();
        assertThat(detail.links().workbook()).isEqualTo("/api/v1/rule-sets/guardrails/versions/" + version + "/workbook");

        // the validation report is kept: the same answer later
        ValidationReport kept = http.read(http.get("/api/v1/rule-sets/guardrails/versions/" + version + "/validation"),
                ValidationReport.class);
        assertThat(kept).isEqualTo(report);
    }

    /** The DRL hunk header, whatever the line: the one after the cells' hunk. */
    private static String hunkOfDrl(String diff) {
        return diff.lines().filter(l -> l.startsWith("@@")).skip(1).findFirst().orElse("none");
    }

    @Test
    void a_raw_upload_under_a_plain_name_is_stored_under_that_name_and_the_same_bytes_as_version_1_are_flagged() {
        RuleSetHttp http = new RuleSetHttp(client, json);
        byte[] shipped = ShippedRules.workbook(TableKind.TRIGGERS).bytes();
        int latestBefore = latest(http, "triggers");

        HttpResponse<String> answer = http.uploadRaw("triggers", "?fileName=triggers.xlsx", RuleSetHttp.XLSX, shipped,
                "Re-upload of the shipped workbook, to check the round trip");

        assertThat(answer.code()).as(body(answer)).isEqualTo(201);
        UploadReceipt receipt = http.read(answer, UploadReceipt.class);
        assertThat(receipt.version()).isEqualTo(latestBefore + 1);
        assertThat(receipt.fileName()).isEqualTo("triggers.xlsx");
        assertThat(receipt.ruleCount()).isEqualTo(21);
        assertThat(receipt.validation().scenarios().changes()).isEmpty();
        assertThat(receipt.validation().warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(ValidationReport.WarningKind.SAME_AS_STORED_VERSION);
            assertThat(w.message()).startsWith("this file has the very bytes of version 1, uploaded by trimtab");
        });
        HttpResponse<byte[]> download = http.getBytes("/api/v1/rule-sets/triggers/versions/" + receipt.version() + "/workbook");
        assertThat(download.body()).isEqualTo(shipped);
        assertThat(download.header(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; filename=\"triggers.xlsx\"");
    }

    @Test
    void a_csv_for_a_single_table_is_compiled_as_csv_and_the_rules_it_drops_are_warnings() {
        RuleSetHttp http = new RuleSetHttp(client, json);
        byte[] csv = """
                RuleSet,trimtab.triggers
                Import,"trimtab.engine.trigger.ClassDrift, trimtab.engine.trigger.TriggerAction"
                Variables,trimtab.engine.rules.Outcome outcome
                ,
                RuleTable Drift CSV,,,,
                METADATA,DESCRIPTION,CONDITION,ACTION,METADATA
                ,,$d : ClassDrift,,
                "ruleId(""$param"")",,absoluteDrift > $param,outcome.record(TriggerAction.$param);,priority($param)
                Rule id,Description,Drift more than (pts),Action,Priority
                CSV-DRIFT-01,"{assetClass} is {absoluteDrift} pts {direction} target, more than {Drift more than (pts)} pts",5,REBALANCE,3
                """.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = http.uploadRaw("triggers", "?comment=drift%20only", "text/csv", csv, null);

        assertThat(answer.code()).as(body(answer)).isEqualTo(201);
        UploadReceipt receipt = http.read(answer, UploadReceipt.class);
        assertThat(receipt.fileName()).isEqualTo("triggers.drl.csv");
        assertThat(receipt.ruleCount()).isEqualTo(1);
        assertThat(receipt.comment()).isEqualTo("drift only");
        assertThat(receipt.validation().warnings()).extracting(ValidationReport.Warning::kind)
                .contains(ValidationReport.WarningKind.RULES_REMOVED, ValidationReport.WarningKind.RULES_ADDED,
                        ValidationReport.WarningKind.SCENARIO_NOW_FAILS);
        assertThat(receipt.validation().warnings()).filteredOn(w -> w.kind() == ValidationReport.WarningKind.RULES_REMOVED)
                .singleElement().extracting(ValidationReport.Warning::message).asString()
                .startsWith("21 rule(s) of version 1 in force are not in this version: DRIFT-ABS-01, DRIFT-REL-01,");
        assertThat(receipt.validation().scenarios().passedWithThisVersion()).isLessThan(receipt.validation().scenarios().run());
        HttpResponse<byte[]> download = http.getBytes("/api/v1/rule-sets/triggers/versions/" + receipt.version() + "/workbook");
        assertThat(download.body()).isEqualTo(csv);
        assertThat(contentType(download)).isEqualTo("text/csv");
        assertThat(body(http.get("/api/v1/rule-sets/triggers/versions/" + receipt.version() + "/diff")))
                .contains("\n+triggers!A10: CSV-DRIFT-01\n").contains("\n-Drift!A6: DRIFT-ABS-01\n");
    }

    /*
     * A sheet emptied of every cell is not a broken workbook (it holds no table to be wrong): the version is stored, and
     * the reviewer is told what it drops. The guardrails' Market sheet holds one rule, VIX-CB-01; the scenarios that
     * expect it fail: two of guardrails/market.yaml (automated orders at VIX 30.00 and 45.00) and two of batch.yaml (an
     * automated tobacco buy breaking eleven rows, a sale breaking two).
     */
    @Test
    void a_sheet_emptied_of_everything_is_stored_and_the_rule_and_scenarios_it_drops_are_warnings() {
        RuleSetHttp http = new RuleSetHttp(client, json);
        byte[] noMarket = edited(TableKind.GUARDRAILS, wb -> {
            org.apache.poi.ss.usermodel.Sheet market = wb.getSheet("Market");
            for (int r = market.getLastRowNum(); r >= 0; r--) {
                if (market.getRow(r) != null) {
                    market.removeRow(market.getRow(r));
                }
            }
            while (market.getNumMergedRegions() > 0) {
                market.removeMergedRegion(0);
            }
        });

        HttpResponse<String> answer = http.uploadForm("guardrails", "guardrails-no-circuit-breaker.drl.xlsx", noMarket,
                "Drop the volatility circuit breaker");

        assertThat(answer.code()).as(body(answer)).isEqualTo(201);
        UploadReceipt receipt = http.read(answer, UploadReceipt.class);
        assertThat(receipt.ruleCount()).isEqualTo(23);
        assertThat(receipt.validation().warnings()).filteredOn(w -> w.kind() == ValidationReport.WarningKind.RULES_REMOVED)
                .extracting(ValidationReport.Warning::message)
                .containsExactly("1 rule(s) of version 1 in force are not in this version: VIX-CB-01");
        assertThat(receipt.validation().scenarios().changes()).extracting(c -> c.file() + ": " + c.scenario()).containsExactlyInAnyOrder(
                "guardrails/batch.yaml: One automated tobacco buy breaks eleven rows at once — every one is reported, and the verdict is BLOCK",
                "guardrails/batch.yaml: A sale can break several rows too, and the verdict is always the worst severity among them",
                "guardrails/market.yaml: With the VIX at exactly 30.00, automated orders need an advisor's approval; an advisor's own order does not",
                "guardrails/market.yaml: In a market panic (VIX 45.00) an advisor's order still passes; an automated one that also overdraws"
                        + " is blocked, not just held for approval");
        assertThat(receipt.validation().scenarios().changes()).allSatisfy(change -> {
            assertThat(change.thisVersion()).isEqualTo("FAIL");
            assertThat(String.join(" ", change.differences())).contains("VIX-CB-01");
        });
    }

    @Test
    void the_tables_in_force_name_who_activated_them_and_version_1_validates_against_itself() {
        RuleSetHttp http = new RuleSetHttp(client, json);

        List<RuleSetViews.TableInForce> tables = http.readList(http.get("/api/v1/rule-sets"), RuleSetViews.TableInForce.class);

        assertThat(tables).extracting(RuleSetViews.TableInForce::table).containsExactly("triggers", "tax-policy", "guardrails");
        assertThat(tables).allSatisfy(t -> {
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.activatedBy()).isEqualTo("trimtab");
            assertThat(t.activation()).isEqualTo("ACTIVATED");
            assertThat(t.reason()).isEqualTo("the shipped workbook is in force on a new installation");
        });
        assertThat(tables.get(2).sha256()).isEqualTo(ShippedRules.workbook(TableKind.GUARDRAILS).sha256());
        assertThat(tables.get(2).ruleCount()).isEqualTo(24);
        ValidationReport v1 = http.read(http.get("/api/v1/rule-sets/tax-policy/versions/1/validation"), ValidationReport.class);
        assertThat(v1.recorded()).isFalse();
        assertThat(v1.scenarios().changes()).isEmpty();
        assertThat(v1.scenarios().passedWithThisVersion()).isEqualTo(v1.scenarios().run()).isPositive();
    }

    @Test
    void concurrent_uploads_to_one_table_get_consecutive_versions_each_with_its_own_bytes() throws Exception {
        RuleSetHttp http = new RuleSetHttp(client, json);
        int latestBefore = latest(http, "tax-policy");
        List<byte[]> workbooks = List.of("40000", "45000", "55000").stream()
                .map(budget -> edited(TableKind.TAX_POLICY, wb -> set(wb, "Policy", "H7", budget))).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (byte[] workbook : workbooks) {
                answers.add(pool.submit(() -> http.uploadForm("tax-policy", "tax-policy.drl.xlsx", workbook, "gain budget")));
            }
            List<UploadReceipt> receipts = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.code()).as(body(response)).isEqualTo(201);
                receipts.add(http.read(response, UploadReceipt.class));
            }

            assertThat(receipts).extracting(UploadReceipt::version)
                    .containsExactlyInAnyOrder(latestBefore + 1, latestBefore + 2, latestBefore + 3);
            for (int i = 0; i < workbooks.size(); i++) {
                UploadReceipt receipt = receipts.get(i);
                assertThat(receipt.sha256()).isEqualTo(Hashes.sha256(workbooks.get(i)));
                assertThat(Hashes.sha256(http.getBytes("/api/v1/rule-sets/tax-policy/versions/" + receipt.version() + "/workbook").body()))
                        .isEqualTo(receipt.sha256());
                assertThat(receipt.validation().version()).isEqualTo(receipt.version());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_openapi_document_describes_the_upload_form_and_the_review_endpoints() {
        String document = client.toBlocking().retrieve("/swagger/trimtab-1.yml");

        assertThat(document).contains("/api/v1/rule-sets/{table}/versions:", "operationId: uploadForm", "RuleSetUploadForm:",
                "/api/v1/rule-sets/{table}/versions/{version}/diff:", "/api/v1/rule-sets/{table}/versions/{version}/validation:",
                "$ref: \"#/components/schemas/WorkbookProblem\"");
    }

    @Test
    void unknown_tables_versions_and_diff_bases_are_refused() {
        RuleSetHttp http = new RuleSetHttp(client, json);

        assertThat(http.get("/api/v1/rule-sets/bonds/versions").code()).isEqualTo(404);
        assertThat(http.read(http.get("/api/v1/rule-sets/guardrails/versions/999"), Problem.class).detail())
                .isEqualTo("version 999 of the guardrails rule set does not exist");
        assertThat(http.get("/api/v1/rule-sets/guardrails/versions/999/workbook").code()).isEqualTo(404);
        assertThat(http.get("/api/v1/rule-sets/guardrails/versions/999/drl").code()).isEqualTo(404);
        assertThat(http.get("/api/v1/rule-sets/guardrails/versions/1/diff?against=999").code()).isEqualTo(404);
        HttpResponse<String> badBase = http.get("/api/v1/rule-sets/guardrails/versions/1/diff?against=latest");
        assertThat(badBase.code()).isEqualTo(400);
        assertThat(http.read(badBase, Problem.class).errors()).extracting(Problem.FieldError::path).containsExactly("against");
    }

    /** What GET /api/v1/rule-sets says is in force, without the latest version numbers (an upload adds one). */
    private static List<String> inForce(RuleSetHttp http) {
        return http.readList(http.get("/api/v1/rule-sets"), RuleSetViews.TableInForce.class).stream()
                .map(t -> t.table() + " v" + t.version() + " sha256 " + t.sha256() + " activated by " + t.activatedBy() + " at "
                        + t.activatedAt()).toList();
    }

    private static int latest(RuleSetHttp http, String table) {
        return versions(http, table).get(0).version();
    }

    private static List<RuleSetViews.VersionSummary> versions(RuleSetHttp http, String table) {
        return http.readList(http.get("/api/v1/rule-sets/" + table + "/versions"), RuleSetViews.VersionSummary.class);
    }

    private byte[] storedBytes(int version) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT content FROM rule_set_version WHERE table_kind = 'GUARDRAILS' AND version = ?")) {
                statement.setInt(1, version);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }

    private Map<String, String> auditEntry(String subject) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT seq, actor, input_hash, rule_sets FROM audit_entry"
                    + " WHERE entry_type = 'RULE_SET_UPLOADED' AND subject = ?")) {
                statement.setString(1, subject);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return Map.of("seq", rs.getString(1), "actor", rs.getString(2), "input_hash", rs.getString(3),
                            "rule_sets", rs.getString(4));
                }
            }
        });
    }
}
