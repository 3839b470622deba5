package trimtab.api.book;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;
import trimtab.api.web.Problems;

import java.time.LocalDate;
import java.util.List;

/** The security master: securities with their prices. */
@Controller("/api/v1/securities")
@Secured({Role.Names.OPERATIONS, Role.Names.COMPLIANCE_OFFICER, Role.Names.ADVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Book: securities and market data")
final class SecuritiesController {
    private final StrictJson json;
    private final BookUpdates updates;
    private final BookQueries queries;

    SecuritiesController(StrictJson json, BookUpdates updates, BookQueries queries) {
        this.json = json;
        this.updates = updates;
        this.queries = queries;
    }

    @Secured(Role.Names.OPERATIONS)
    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Insert or update securities (by symbol), with a price each if given",
            description = "All or nothing: one bad item refuses the whole array. A security's wash-sale group may not change "
                    + "so that a stored model's substitute shares its primary's group.")
    @ApiResponse(responseCode = "200", description = "all written")
    @ApiResponse(responseCode = "400", description = "malformed JSON, an unknown field or a value of the wrong kind, by JSON path",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "unacceptable items, each by JSON path; nothing written",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = SecurityJson.class))))
    WriteReceipt putSecurities(@Parameter(hidden = true) @Body byte[] body,
                     Authentication authentication) {
        return updates.securities(json.read(body, Argument.listOf(SecurityJson.class)), body, Caller.of(authentication).actor());
    }

    @Get
    @Operation(summary = "Every security, with its latest price on or before asOf (the latest of all without it)")
    List<SecurityJson> listSecurities(@Nullable @QueryValue LocalDate asOf) {
        return queries.securities(asOf);
    }

    @Get("/{symbol}")
    @Operation(summary = "One security, with its latest price on or before asOf")
    @ApiResponse(responseCode = "404", description = "no such security",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    SecurityJson getSecurity(String symbol, @Nullable @QueryValue LocalDate asOf) {
        return queries.security(symbol, asOf).orElseThrow(() -> ApiException.notFound("security " + symbol));
    }
}
