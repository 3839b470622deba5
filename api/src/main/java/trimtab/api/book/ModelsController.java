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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;
import trimtab.api.web.Problems;

import java.util.List;

/** Model portfolios. A household or account is assigned one through its own modelId. */
@Controller("/api/v1/models")
@Secured({Role.Names.OPERATIONS, Role.Names.COMPLIANCE_OFFICER, Role.Names.ADVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Book: models")
final class ModelsController {
    private final StrictJson json;
    private final BookUpdates updates;
    private final BookQueries queries;

    ModelsController(StrictJson json, BookUpdates updates, BookQueries queries) {
        this.json = json;
        this.updates = updates;
        this.queries = queries;
    }

    @Secured(Role.Names.OPERATIONS)
    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Insert or update models (by modelId); a model's targets are replaced by those sent",
            description = "All or nothing. Targets must sum to 100 %, name known securities, and each substitute must be in "
                    + "another wash-sale group than its primary.")
    @ApiResponse(responseCode = "422", description = "unacceptable models or targets, by JSON path; nothing written",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = ModelJson.class))))
    WriteReceipt putModels(@Parameter(hidden = true) @Body byte[] body,
                     Authentication authentication) {
        return updates.models(json.read(body, Argument.listOf(ModelJson.class)), body, Caller.of(authentication).actor());
    }

    @Get
    @Operation(summary = "Every model with its targets")
    List<ModelJson> listModels() {
        return queries.models();
    }

    @Get("/{id}")
    @Operation(summary = "One model with its targets")
    @ApiResponse(responseCode = "404", description = "no such model",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ModelJson getModel(String id) {
        return queries.model(id).orElseThrow(() -> ApiException.notFound("model " + id));
    }
}
