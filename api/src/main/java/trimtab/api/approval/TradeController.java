package trimtab.api.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.run.JsonBodies;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import trimtab.api.security.Role;

/** A proposed trade for its advisor: why it is there, and approving or rejecting it. */
@Controller("/api/v1/trades")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Proposed trades")
final class TradeController {
    private final TradeWhys whys;
    private final TradeApprovals approvals;
    private final JsonBodies bodies;

    TradeController(TradeWhys whys, TradeApprovals approvals, JsonBodies bodies) {
        this.whys = whys;
        this.approvals = approvals;
        this.bodies = bodies;
    }

    @Get("/{tradeId}/why")
    @Operation(summary = "Why a proposed trade is there and what was decided: the trigger rows behind it, the planner's reason, "
            + "its verdict with each violation's workbook row, the rule-set versions, the facts seen and the approval history")
    @Secured({Role.Names.ADVISOR, Role.Names.COMPLIANCE_OFFICER})
    TradeWhy why(@PathVariable String tradeId, Authentication authentication) {
        return whys.why(tradeId, Caller.of(authentication).households());
    }

    @Post("/{tradeId}/approval")
    @Operation(summary = "Approve or reject a trade that requires approval, with a reason; a decision is final",
            description = "409 when the trade does not require approval, was already decided, or belongs to a dry run; "
                    + "422 naming $.decision or $.reason when they are missing or wrong.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApprovalRequest.class)))
    @ApiResponse(responseCode = "201", description = "recorded, with its audit entry",
            content = @Content(schema = @Schema(implementation = ApprovalView.class)))
    @ApiResponse(responseCode = "404", description = "no such trade, or not one of the advisor's households")
    @ApiResponse(responseCode = "409", description = "not a trade that requires approval, already decided, or of a dry run")
    @ApiResponse(responseCode = "422", description = "decision or reason missing or wrong, named by its JSON path")
    @Secured(Role.Names.ADVISOR)
    HttpResponse<ApprovalView> decide(@PathVariable String tradeId, @Body @Nullable String body, Authentication authentication) {
        ApprovalRequest request = bodies.read(body, ApprovalRequest.class, ApprovalRequest.EMPTY);
        Caller caller = Caller.of(authentication);
        return HttpResponse.created(approvals.decide(tradeId, request, caller.actor(), caller.households()));
    }
}
