package trimtab.api.rulesets.shadow;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.rulesets.activation.RuleSetTable;
import trimtab.api.run.JsonBodies;
import trimtab.api.web.Problem;

/** Shadow runs of candidate rule-set versions. */
@Controller("/api/v1/rule-sets/{table}/versions/{version}/shadow")
@Secured(Role.Names.COMPLIANCE_OFFICER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Rule-set lifecycle")
final class ShadowController {
    private static final String PROBLEM = "application/problem+json";

    private final ShadowRuns shadowRuns;
    private final JsonBodies bodies;

    ShadowController(ShadowRuns shadowRuns, JsonBodies bodies) {
        this.shadowRuns = shadowRuns;
        this.bodies = bodies;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate a candidate version beside the rules in force on the current book, as a dry run",
            description = "Runs the rebalancing cycle (triggers, decision, plan, screening) per household with the rules in force "
                    + "and with the candidate in its table's place, and answers the difference per household: trigger rows gained "
                    + "and lost with their sentences, decision changed, trades added, removed or with another quantity, verdicts "
                    + "changed with their guardrail rows; households without a difference are only counted. Nothing is recorded "
                    + "as a decision; a RULE_SET_SHADOW_RUN audit entry records who compared what, with the totals.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ShadowRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ShadowViews.ShadowReport.class)))
    @ApiResponse(responseCode = "400", description = "unreadable body or unknown field", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "unknown table or version", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "an unknown or repeated household, or no market data as of the date", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    ShadowViews.ShadowReport shadow(@Parameter(description = "triggers, tax-policy or guardrails") @PathVariable String table,
                                    @PathVariable int version, @Body @Nullable String body, Authentication authentication) {
        ShadowRequest request = bodies.read(body, ShadowRequest.class, ShadowRequest.DEFAULTS);
        return shadowRuns.run(RuleSetTable.of(table), version, request, Caller.of(authentication).actor());
    }
}
