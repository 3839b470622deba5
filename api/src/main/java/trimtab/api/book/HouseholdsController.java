package trimtab.api.book;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.bookstore.HouseholdAdvisors;
import trimtab.api.security.Caller;
import trimtab.api.security.HouseholdScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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

/** Client households with their accounts, lots, cash flows, life events, restrictions, IPS bounds and recent trades. */
@Controller("/api/v1/households")
@Secured({Role.Names.OPERATIONS, Role.Names.COMPLIANCE_OFFICER, Role.Names.ADVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Book: households")
final class HouseholdsController {
    private final StrictJson json;
    private final BookUpdates updates;
    private final BookQueries queries;
    private final HouseholdAdvisors advisors;

    HouseholdsController(StrictJson json, BookUpdates updates, BookQueries queries, HouseholdAdvisors advisors) {
        this.json = json;
        this.updates = updates;
        this.queries = queries;
        this.advisors = advisors;
    }

    @Secured(Role.Names.OPERATIONS)
    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Insert or replace whole households",
            description = "Each household sent replaces what was stored for it (accounts, lots, cash flows, life events, "
                    + "restrictions, IPS bounds, recent trades). All or nothing: one bad item refuses the whole array. Lots "
                    + "must name known securities; models must exist; an account id belongs to one household for good.")
    @ApiResponse(responseCode = "200", description = "all written")
    @ApiResponse(responseCode = "400", description = "malformed JSON, an unknown field or a value of the wrong kind, by JSON path",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "an account or lot id belongs to another household; nothing written",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "unacceptable items, each by JSON path; nothing written",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            array = @ArraySchema(schema = @Schema(implementation = HouseholdJson.class))))
    WriteReceipt putHouseholds(@Parameter(hidden = true) @Body byte[] body, Authentication authentication) {
        return updates.households(json.read(body, Argument.listOf(HouseholdJson.class)), body, Caller.of(authentication).actor());
    }

    @Get
    @Operation(summary = "Every household (or an advisor's) with its account and lot counts and its value on asOf (latest prices without it)")
    List<HouseholdSummary> listHouseholds(@Nullable @QueryValue String advisorId, @Nullable @QueryValue LocalDate asOf,
                                          Authentication authentication) {
        HouseholdScope scope = Caller.of(authentication).households();
        if (scope.isFirm()) {
            return queries.households(advisorId, asOf);
        }
        // an advisor's list is always their own, whatever advisorId they ask for
        if (advisorId != null && !scope.covers(advisorId)) {
            return List.of();
        }
        return queries.households(scope.sqlAdvisor(), asOf);
    }

    @Get("/{id}")
    @Operation(summary = "One household with everything it owns, in the shape PUT takes")
    @ApiResponse(responseCode = "404", description = "no such household",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HouseholdJson getHousehold(String id, Authentication authentication) {
        return queries.household(visible(id, authentication)).orElseThrow(() -> ApiException.notFound("household " + id));
    }

    @Secured({Role.Names.OPERATIONS, Role.Names.ADVISOR})
    @Post("/{id}/cash-flows")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a scheduled or recent cash flow to one of the household's accounts; answers the household")
    @ApiResponse(responseCode = "201", description = "added")
    @ApiResponse(responseCode = "404", description = "no such household",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CashFlowJson.class)))
    HttpResponse<HouseholdJson> addCashFlow(String id, @Parameter(hidden = true) @Body byte[] body,
                                            Authentication authentication) {
        return HttpResponse.created(updates.addCashFlow(visible(id, authentication), json.read(body, Argument.of(CashFlowJson.class)), body, Caller.of(authentication).actor()));
    }

    @Secured({Role.Names.OPERATIONS, Role.Names.ADVISOR})
    @Post("/{id}/life-events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a life event of the household; answers the household")
    @ApiResponse(responseCode = "201", description = "added")
    @ApiResponse(responseCode = "404", description = "no such household",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LifeEventJson.class)))
    HttpResponse<HouseholdJson> addLifeEvent(String id, @Parameter(hidden = true) @Body byte[] body,
                                             Authentication authentication) {
        return HttpResponse.created(updates.addLifeEvent(visible(id, authentication), json.read(body, Argument.of(LifeEventJson.class)), body, Caller.of(authentication).actor()));
    }

    @Secured({Role.Names.OPERATIONS, Role.Names.ADVISOR})
    @Put("/{id}/restrictions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the household's client restrictions with those sent; answers the household")
    @ApiResponse(responseCode = "404", description = "no such household",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = RestrictionJson.class))))
    HouseholdJson putHouseholdRestrictions(String id, @Parameter(hidden = true) @Body byte[] body,
                                      Authentication authentication) {
        return updates.replaceRestrictions(visible(id, authentication), json.read(body, Argument.listOf(RestrictionJson.class)), body, Caller.of(authentication).actor());
    }

    /** The household id if the caller may see the household; otherwise the 404 of one that does not exist. */
    private String visible(String id, Authentication authentication) {
        if (!advisors.visible(Caller.of(authentication).households(), id)) {
            throw ApiException.notFound("household " + id);
        }
        return id;
    }
}
