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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The firm's restricted list: securities no client may trade (a pending deal, a research blackout). */
@Controller("/api/v1/restrictions/firm")
@Secured({Role.Names.OPERATIONS, Role.Names.COMPLIANCE_OFFICER, Role.Names.ADVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Book: restrictions")
final class FirmRestrictionsController {
    private final StrictJson json;
    private final BookUpdates updates;
    private final BookQueries queries;

    FirmRestrictionsController(StrictJson json, BookUpdates updates, BookQueries queries) {
        this.json = json;
        this.updates = updates;
        this.queries = queries;
    }

    @Secured(Role.Names.OPERATIONS)
    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the firm's restricted list with the one sent (an empty array clears it)",
            description = "Every change, emptying included, is recorded in the audit trail with the caller.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = RestrictionJson.class))))
    WriteReceipt putFirmRestrictions(@Parameter(hidden = true) @Body byte[] body,
                     Authentication authentication) {
        return updates.firmRestrictions(json.read(body, Argument.listOf(RestrictionJson.class)), body, Caller.of(authentication).actor());
    }

    @Get
    @Operation(summary = "The firm's restricted list, by symbol")
    List<RestrictionJson> getFirmRestrictions() {
        return queries.firmRestrictions();
    }
}
