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

/** Closing prices and the VIX: the market data a snapshot of the book is valued and judged with. */
@Controller("/api/v1/market")
@Secured({Role.Names.OPERATIONS, Role.Names.COMPLIANCE_OFFICER, Role.Names.ADVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Book: securities and market data")
final class MarketDataController {
    private final StrictJson json;
    private final BookUpdates updates;
    private final BookQueries queries;

    MarketDataController(StrictJson json, BookUpdates updates, BookQueries queries) {
        this.json = json;
        this.updates = updates;
        this.queries = queries;
    }

    @Secured(Role.Names.OPERATIONS)
    @Put("/prices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record closing prices of known securities (one per symbol and date; a later write replaces it)",
            description = "All or nothing. A symbol not in the security master is refused with its JSON path.")
    @ApiResponse(responseCode = "422", description = "unknown symbols or bad prices, by JSON path; nothing written",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = PriceJson.class))))
    WriteReceipt putPrices(@Parameter(hidden = true) @Body byte[] body,
                        Authentication authentication) {
        return updates.prices(json.read(body, Argument.listOf(PriceJson.class)), body, Caller.of(authentication).actor());
    }

    @Secured(Role.Names.OPERATIONS)
    @Put("/vix")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the VIX of a date (a later write for the same date replaces it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VixJson.class)))
    VixJson putVix(@Parameter(hidden = true) @Body byte[] body,
                   Authentication authentication) {
        return updates.vix(json.read(body, Argument.of(VixJson.class)), body, Caller.of(authentication).actor());
    }

    @Get("/vix")
    @Operation(summary = "The VIX of asOf, or the latest recorded before it (the latest of all without asOf)")
    @ApiResponse(responseCode = "404", description = "no VIX recorded on or before the date",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    VixJson getVix(@Nullable @QueryValue LocalDate asOf) {
        return queries.vix(asOf).orElseThrow(() -> ApiException.notFound(asOf == null ? "a VIX reading"
                : "a VIX reading on or before " + asOf));
    }
}
