package trimtab.api.rulesets.upload;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.web.Problem;
import trimtab.api.web.Problems;
import trimtab.engine.rules.TableKind;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Upload of a rule workbook as a new draft version: as a browser form sends it (multipart, parts "file" and
 * "comment"), or as a raw body with the name and comment beside it.
 */
@Controller("/api/v1/rule-sets")
@Secured(Role.Names.COMPLIANCE_OFFICER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Rule sets")
final class RuleSetUploadController {
    /** The header a raw upload may carry its comment in, instead of the query. */
    static final String COMMENT_HEADER = "X-Trimtab-Comment";
    private static final String DESCRIPTION = "The workbook (XLSX, or CSV for a single table; at most 5 MB) is compiled with the "
            + "next version number and checked: column types, fact fields, numbers and their plausible ranges, rule ids (no "
            + "duplicates), descriptions. If anything is wrong nothing is stored and the 422 lists every problem by sheet, cell, "
            + "row and rule id. Otherwise the scenario suite runs with the rules in force and with this version, and the "
            + "version is stored byte for byte as a DRAFT with a RULE_SET_UPLOADED audit entry; scenarios whose outcome "
            + "changes are warnings in the answer, not refusals. Uploading never changes the rules in force.";

    /** The form a browser sends, as the OpenAPI document shows it. */
    @Schema(name = "RuleSetUploadForm")
    record UploadForm(@Schema(type = "string", format = "binary", description = "the workbook; its name must end .xlsx or .csv",
                              requiredMode = Schema.RequiredMode.REQUIRED) String file,
                      @Schema(description = "what changed and why (kept with the version and shown to the approver)",
                              requiredMode = Schema.RequiredMode.REQUIRED) String comment) {
    }

    private final WorkbookUploads uploads;

    RuleSetUploadController(WorkbookUploads uploads) {
        this.uploads = uploads;
    }

    @Post(uri = "/{table}/versions", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a workbook as a new draft version: from a form (multipart, parts 'file' and 'comment'), or as the"
            + " raw body (XLSX or CSV) with ?fileName= and the comment in ?comment= or the " + COMMENT_HEADER + " header",
            description = DESCRIPTION, parameters = {
                    @Parameter(name = "fileName", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "raw body only: the file's name, ending .xlsx"
                            + " or .csv (default: the table's, e.g. guardrails.drl.xlsx)"),
                    @Parameter(name = "comment", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "raw body only: what changed and why"),
                    @Parameter(name = COMMENT_HEADER, in = ParameterIn.HEADER, schema = @Schema(type = "string"), description = "raw body only: the comment, if not in the query")})
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)),
            @Content(mediaType = WorkbookUploads.XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = WorkbookUploads.CSV, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "201", description = "stored as a new draft version; the validation report lists warnings and"
            + " changed scenarios", content = @Content(schema = @Schema(implementation = UploadReceipt.class)))
    @ApiResponse(responseCode = "404", description = "the table is not triggers, tax-policy or guardrails",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "the file is above 5 MB (the server refuses any request above 10 MB)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "not stored: no comment, no file, a name not ending .xlsx/.csv, or a workbook"
            + " that does not compile or fails a check (every problem located)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = WorkbookProblem.class)))
    HttpResponse<UploadReceipt> uploadForm(@Parameter(description = "triggers, tax-policy or guardrails") @PathVariable String table,
                                           @Parameter(hidden = true) @Nullable @Part("file") CompletedFileUpload file,
                                           @Parameter(hidden = true) @Nullable @Part("comment") String comment,
                                           Authentication authentication) {
        TableKind kind = RuleSetTables.kind(table);
        UploadedFile uploaded = file == null ? new UploadedFile(null, null, null)
                : new UploadedFile(file.getFilename(), bytes(file), file.getContentType().map(MediaType::toString).orElse(null));
        return created(uploads.upload(kind, uploaded, comment, Caller.of(authentication).actor()));
    }

    /** The same upload with the file as the raw body; documented with the form upload (OpenAPI has one POST per path). */
    @Post(uri = "/{table}/versions", consumes = {WorkbookUploads.XLSX, WorkbookUploads.CSV, MediaType.APPLICATION_OCTET_STREAM},
            produces = MediaType.APPLICATION_JSON)
    @Hidden
    HttpResponse<UploadReceipt> uploadBody(@Parameter(description = "triggers, tax-policy or guardrails") @PathVariable String table,
                                           @Parameter(hidden = true) @Nullable @Body byte[] body,
                                           @Parameter(description = "the file's name, ending .xlsx or .csv (default: the table's, e.g."
                                                   + " guardrails.drl.xlsx)") @Nullable @QueryValue String fileName,
                                           @Parameter(description = "what changed and why (required, here or in the header)")
                                           @Nullable @QueryValue String comment,
                                           @Nullable @Header(COMMENT_HEADER) String commentHeader,
                                           @Nullable @Header(HttpHeaders.CONTENT_TYPE) String contentType,
                                           Authentication authentication) {
        TableKind kind = RuleSetTables.kind(table);
        String why = comment != null && !comment.isBlank() ? comment : commentHeader;
        return created(uploads.upload(kind, new UploadedFile(fileName, body == null ? new byte[0] : body, contentType), why,
                Caller.of(authentication).actor()));
    }

    private static HttpResponse<UploadReceipt> created(UploadReceipt receipt) {
        return HttpResponse.created(receipt).header(HttpHeaders.LOCATION, receipt.links().self());
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
