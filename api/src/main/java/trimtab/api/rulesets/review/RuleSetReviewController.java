package trimtab.api.rulesets.review;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.upload.CandidateValidation;
import trimtab.api.rulesets.upload.RuleSetTables;
import trimtab.api.rulesets.upload.ValidationReport;
import trimtab.api.rulesets.upload.ValidationReports;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;
import trimtab.api.web.Problems;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reading rule-set versions: what is in force, every version's particulars, its bytes, its rules, a diff, its validation. */
@Controller("/api/v1/rule-sets")
@Secured(Role.Names.COMPLIANCE_OFFICER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Rule sets")
final class RuleSetReviewController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String TEXT = MediaType.TEXT_PLAIN + ";charset=utf-8";

    private final RuleSetHistory history;
    private final CompiledVersions compiled;
    private final Transactions transactions;
    private final RuleSetStore store;
    private final ValidationReports reports;
    private final CandidateValidation validation;
    private final RuleSetsInForce rules;

    RuleSetReviewController(RuleSetHistory history, CompiledVersions compiled, Transactions transactions, RuleSetStore store,
                            ValidationReports reports, CandidateValidation validation, RuleSetsInForce rules) {
        this.history = history;
        this.compiled = compiled;
        this.transactions = transactions;
        this.store = store;
        this.reports = reports;
        this.validation = validation;
        this.rules = rules;
    }

    @Get
    @Operation(summary = "Each table's version in force: its checksum, and who activated it, when and why")
    List<RuleSetViews.TableInForce> inForce() {
        return history.inForce();
    }

    @Get("/{table}/versions")
    @Operation(summary = "A table's versions, newest first: who uploaded each, when and why, checksum, rule count and lifecycle "
            + "state (DRAFT, APPROVED, ACTIVE, RETIRED)")
    @ApiResponse(responseCode = "200", description = "the versions")
    @ApiResponse(responseCode = "404", description = "the table is not triggers, tax-policy or guardrails",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    List<RuleSetViews.VersionSummary> versions(@Parameter(description = "triggers, tax-policy or guardrails") @PathVariable String table) {
        return history.versions(RuleSetTables.kind(table));
    }

    @Get("/{table}/versions/{version}")
    @Operation(summary = "A version's particulars and its events (approval, activation, rollback)")
    @ApiResponse(responseCode = "200", description = "the version")
    @ApiResponse(responseCode = "404", description = "no such table or version",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    RuleSetViews.VersionDetail version(@PathVariable String table, @PathVariable int version) {
        return history.version(RuleSetTables.kind(table), version);
    }

    @Get(uri = "/{table}/versions/{version}/workbook", produces = {XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "The workbook exactly as uploaded (its SHA-256 is the version's), under its file name")
    @ApiResponse(responseCode = "200", description = "the bytes; ETag is the SHA-256")
    @ApiResponse(responseCode = "404", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<byte[]> workbook(@PathVariable String table, @PathVariable int version) {
        TableKind kind = RuleSetTables.kind(table);
        Workbook workbook = transactions.read(connection -> store.workbook(connection, kind, version))
                .orElseThrow(() -> RuleSetHistory.notFound(kind, version));
        String type = workbook.format() == Workbook.Format.CSV ? "text/csv" : XLSX;
        return HttpResponse.ok(workbook.bytes()).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(workbook.fileName()))
                .header(HttpHeaders.ETAG, "\"" + workbook.sha256() + "\"");
    }

    @Get(uri = "/{table}/versions/{version}/drl", produces = TEXT)
    @Operation(summary = "The rules generated from the version's workbook (DRL), as Drools compiles them")
    @ApiResponse(responseCode = "200", description = "the generated rules, text/plain")
    @ApiResponse(responseCode = "404", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<String> drl(@PathVariable String table, @PathVariable int version) {
        return HttpResponse.ok(compiled.get(RuleSetTables.kind(table), version).rules().drl()).contentType(TEXT);
    }

    @Get(uri = "/{table}/versions/{version}/diff", produces = TEXT)
    @Operation(summary = "A unified diff of the version against another: first the workbook's cells (every non-empty cell as "
            + "'Sheet!A1: value'), then the generated rules (DRL)")
    @ApiResponse(responseCode = "200", description = "the diff, text/plain; each part says '(no difference)' when there is none")
    @ApiResponse(responseCode = "400", description = "'against' is neither 'active' nor a version number",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<String> diff(@PathVariable String table, @PathVariable int version,
                              @Parameter(description = "'active' (the default: the version in force) or a version number")
                              @Nullable @QueryValue String against) {
        TableKind kind = RuleSetTables.kind(table);
        CompiledVersions.Compiled after = compiled.get(kind, version);
        int base;
        String note;
        if (against == null || against.isBlank() || against.strip().equalsIgnoreCase("active")) {
            base = Optional.ofNullable(transactions.read(connection -> store.activeVersions(connection).get(kind)))
                    .orElseThrow(() -> ApiException.notFound("a version in force of the " + table + " rule set"));
            note = " (in force)";
        } else {
            base = versionNumber(against);
            note = "";
        }
        return HttpResponse.ok(WorkbookDiff.of(compiled.get(kind, base), after, note)).contentType(TEXT);
    }

    @Get("/{table}/versions/{version}/validation")
    @Operation(summary = "What validation found at upload: warnings, and the scenarios whose outcome changes against the rules "
            + "then in force (for a version stored without a report, such as the shipped version 1, it is worked out now)")
    @ApiResponse(responseCode = "200", description = "the report")
    @ApiResponse(responseCode = "404", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ValidationReport validation(@PathVariable String table, @PathVariable int version) {
        TableKind kind = RuleSetTables.kind(table);
        Optional<ValidationReport> stored = transactions.read(connection -> reports.find(connection, kind, version));
        if (stored.isPresent()) {
            return stored.get().asRecorded(true);
        }
        CompiledVersions.Compiled candidate = compiled.get(kind, version);
        return validation.check(candidate.rules(), rules.current(), transactions.read(connection -> store.versions(connection, kind)))
                .asRecorded(false);
    }

    private static int versionNumber(String text) {
        try {
            int number = Integer.parseInt(text.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("against must be 'active' or a version number, not '" + text + "'", "against",
                "'" + text + "' is neither 'active' nor a version number");
    }

    /** An attachment under the stored name: a plain ASCII fallback, and the exact name in RFC 5987 form. */
    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
