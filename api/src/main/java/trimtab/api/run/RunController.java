package trimtab.api.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import trimtab.api.security.Role;
import trimtab.api.web.ApiException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Starting rebalance runs and reading what they decided. */
@Controller("/api/v1/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.Names.ADVISOR, Role.Names.OPERATIONS, Role.Names.COMPLIANCE_OFFICER})
@Tag(name = "Rebalance runs")
final class RunController {
    private static final int MAX_PAGE = 1000;
    private static final Set<String> VERDICTS = Set.of("PASS", "WARN", "REQUIRE_APPROVAL", "BLOCK");

    private final RebalanceRuns rebalanceRuns;
    private final RunResults results;
    private final JsonBodies bodies;

    RunController(RebalanceRuns rebalanceRuns, RunResults results, JsonBodies bodies) {
        this.rebalanceRuns = rebalanceRuns;
        this.results = results;
        this.bodies = bodies;
    }

    @Post
    @Operation(summary = "Start a rebalance run over some or all households as of a date; it runs in the background",
            description = "Answers 202 with the run id at once; follow the run with GET /api/v1/runs/{runId}. A dry run records "
                    + "everything, but its trades can be neither approved nor exported.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RunRequest.class)))
    @ApiResponse(responseCode = "202", description = "accepted: the run is RUNNING; Location names it",
            content = @Content(schema = @Schema(implementation = RunViews.RunAccepted.class)))
    @ApiResponse(responseCode = "400", description = "unreadable body or unknown field, named by its JSON path")
    @ApiResponse(responseCode = "422", description = "an unknown or repeated household, or no market data as of the date")
    @ApiResponse(responseCode = "404", description = "an advisor named a household that is not theirs")
    @Secured({Role.Names.ADVISOR, Role.Names.OPERATIONS})
    HttpResponse<RunViews.RunAccepted> start(@Body @Nullable String body, Authentication authentication) {
        RunRequest request = bodies.read(body, RunRequest.class, RunRequest.DEFAULTS);
        Caller caller = Caller.of(authentication);
        RunViews.RunAccepted accepted = rebalanceRuns.start(request, caller.actor(), caller.households());
        return HttpResponse.accepted(URI.create(accepted.links().get("self"))).body(accepted);
    }

    @Get
    @Operation(summary = "The latest runs, most recent first, with their status and progress")
    List<RunViews.RunView> recent(@QueryValue(defaultValue = "20") int limit, Authentication authentication) {
        return results.recent(page(limit), Caller.of(authentication));
    }

    @Get("/{runId}")
    @Operation(summary = "A run's status (RUNNING, FINISHED, FAILED), progress, and once finished its summary")
    RunViews.RunView run(@PathVariable String runId, Authentication authentication) {
        return results.run(runId, Caller.of(authentication));
    }

    @Get("/{runId}/households")
    @Operation(summary = "The run's households in id order: drift (worst class first), decision, trigger hits, trade count")
    List<RunViews.HouseholdRow> households(@PathVariable String runId, @Nullable @QueryValue String after,
                                           @QueryValue(defaultValue = "100") int limit, Authentication authentication) {
        return results.households(runId, after, page(limit), Caller.of(authentication));
    }

    @Get("/{runId}/households/{householdId}")
    @Operation(summary = "A household's full result: drift before and after, trigger hits explained, proposed trades with "
            + "verdicts and violations, blocked trades and why, residual drift")
    RunViews.HouseholdDetail household(@PathVariable String runId, @PathVariable String householdId, Authentication authentication) {
        return results.household(runId, householdId, Caller.of(authentication));
    }

    @Get("/{runId}/trades")
    @Operation(summary = "The run's proposed trades with their verdict and approval state; verdict=BLOCK lists the blocked ones")
    List<RunViews.TradeRow> trades(@PathVariable String runId, @Nullable @QueryValue String verdict,
                                   @Nullable @QueryValue String household, @Nullable @QueryValue String after,
                                   @QueryValue(defaultValue = "1000") int limit, Authentication authentication) {
        if (verdict != null && !VERDICTS.contains(verdict)) {
            throw ApiException.invalid("verdict", "verdict must be one of PASS, WARN, REQUIRE_APPROVAL, BLOCK, not " + verdict);
        }
        return results.trades(runId, verdict, household, after, page(limit), Caller.of(authentication));
    }

    private static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        return limit;
    }

    static Map<String, String> householdLinks(String runId, String householdId) {
        return Map.of("self", "/api/v1/runs/" + runId + "/households/" + householdId);
    }
}
