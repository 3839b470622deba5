package trimtab.api.custodianimport;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.web.Problem;
import trimtab.api.web.Problems;

/** Custodian file imports. */
@Controller("/api/v1/imports")
@Secured(Role.Names.OPERATIONS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Imports")
final class PositionImportController {
    static final String CSV = "text/csv";

    private final PositionImport positions;

    PositionImportController(PositionImport positions) {
        this.positions = positions;
    }

    @Post("/positions")
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a custodian's position file (CSV): it replaces the lots of the accounts it names",
            description = "Columns (header required, any order): account_id, household_id, account_type, custodian (optional with "
                    + "?custodian=), symbol, lot_id, quantity, cost_basis (the lot's total cost), acquired_date, cash (optional). "
                    + "A line with the lot columns empty gives only the account's cash. One bad line refuses the whole file; "
                    + "every bad line is listed by line and column. See docs/custodian-import.md.")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = "string",
            example = "account_id,household_id,account_type,symbol,lot_id,quantity,cost_basis,acquired_date,cash\n"
                    + "ACC-1001-TX,H-1001,TAXABLE,VTI,L-1,180,35715.60,2019-06-14,4210.55\n")))
    @ApiResponse(responseCode = "200", description = "imported")
    @ApiResponse(responseCode = "422", description = "the file was not imported; every bad line is listed as \"line 7, column quantity (7)\"",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ImportSummary importPositions(@Parameter(hidden = true) @Body byte[] file,
                                  @Parameter(description = "the custodian the file comes from; a custodian column must agree with it")
                                  @Nullable @QueryValue String custodian,
                                  Authentication authentication) {
        return positions.run(file, custodian, Caller.of(authentication).actor());
    }
}
