package trimtab.api.rulesets.activation;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import trimtab.api.run.JsonBodies;
import trimtab.api.web.Problem;

import java.net.URI;

/** Four-eyes approval, activation and rollback of rule-set versions. */
@Controller("/api/v1/rule-sets/{table}")
@Secured(Role.Names.COMPLIANCE_OFFICER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Rule-set lifecycle")
final class LifecycleController {
    private static final String PROBLEM = "application/problem+json";

    private final RuleSetLifecycle lifecycle;
    private final JsonBodies bodies;

    LifecycleController(RuleSetLifecycle lifecycle, JsonBodies bodies) {
        this.lifecycle = lifecycle;
        this.bodies = bodies;
    }

    @Post(uri = "/versions/{version}/approval", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "A second compliance officer approves an uploaded version for activation (four eyes)",
            description = "The approver must not be the uploader (four eyes compares user ids). The APPROVED event and its "
                    + "RULE_SET_APPROVED audit entry are written in one transaction.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LifecycleRequests.Reason.class)))
    @ApiResponse(responseCode = "201", description = "approved", content = @Content(schema = @Schema(implementation = LifecycleViews.Approval.class)))
    @ApiResponse(responseCode = "400", description = "unreadable body or unknown field", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "unknown table or version", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the approver uploaded it, it is already approved, or it is or was in force", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "no reason, or one over 1,000 characters", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    HttpResponse<LifecycleViews.Approval> approve(@Parameter(description = "triggers, tax-policy or guardrails") @PathVariable String table,
                                                  @PathVariable int version, @Body @Nullable String body,
                                                  Authentication authentication) {
        LifecycleRequests.Reason request = bodies.read(body, LifecycleRequests.Reason.class, LifecycleRequests.Reason.EMPTY);
        LifecycleViews.Approval approval = lifecycle.approve(RuleSetTable.of(table), version, request.reason(), Caller.of(authentication).actor());
        return HttpResponse.created(approval, URI.create("/api/v1/rule-sets/" + table + "/versions/" + version));
    }

    @Post(uri = "/versions/{version}/activation", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Put an approved version in force",
            description = "Writes the ACTIVATED event and a RULE_SET_ACTIVATED audit entry (actor, reason, the version and sha256 "
                    + "replaced and the new one) in one transaction; this instance swaps at once, the others within their poll "
                    + "interval (1 s by default). Requests already running finish on the rule sets they started with; every "
                    + "decision records the version that made it. Answers with what this instance enforces now.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LifecycleRequests.Reason.class)))
    @ApiResponse(responseCode = "200", description = "in force", content = @Content(schema = @Schema(implementation = LifecycleViews.Activation.class)))
    @ApiResponse(responseCode = "404", description = "unknown table or version", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "not approved, already in force, or in force before (roll back to it instead)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "no reason, or the workbook does not compile", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    LifecycleViews.Activation activate(@PathVariable String table, @PathVariable int version, @Body @Nullable String body,
                                       Authentication authentication) {
        LifecycleRequests.Reason request = bodies.read(body, LifecycleRequests.Reason.class, LifecycleRequests.Reason.EMPTY);
        return lifecycle.activate(RuleSetTable.of(table), version, request.reason(), Caller.of(authentication).actor());
    }

    @Post(uri = "/rollback", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Put back in force a version that was in force before",
            description = "No second approval: the version passed four eyes (or was shipped) when it was first activated, and in an "
                    + "incident the firm must be able to go back at once. Any named officer may roll back; the ROLLED_BACK event and "
                    + "a RULE_SET_ROLLED_BACK audit entry (actor, reason, replaced and restored versions) are written in one transaction.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LifecycleRequests.Rollback.class)))
    @ApiResponse(responseCode = "200", description = "in force", content = @Content(schema = @Schema(implementation = LifecycleViews.Activation.class)))
    @ApiResponse(responseCode = "404", description = "unknown table", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the version is in force, or never was", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "no version or reason, a version that does not exist, or a workbook that does not compile", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    LifecycleViews.Activation rollback(@PathVariable String table, @Body @Nullable String body, Authentication authentication) {
        LifecycleRequests.Rollback request = bodies.read(body, LifecycleRequests.Rollback.class, LifecycleRequests.Rollback.EMPTY);
        return lifecycle.rollback(RuleSetTable.of(table), request, Caller.of(authentication).actor());
    }
}
