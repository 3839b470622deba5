package trimtab.api.screening;

import trimtab.api.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import trimtab.api.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
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

/**
 * The order system's pre-trade check, and "why" for advisors. The screen endpoint takes the body as bytes so that
 * it can name the place of a reading error itself, and answers with the bytes it stored, so that a retry's answer
 * is byte for byte the first one.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Order screening")
final class ScreeningController {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrderScreening screening;
    private final ScreeningRecords records;

    ScreeningController(OrderScreening screening, ScreeningRecords records) {
        this.screening = screening;
        this.records = records;
    }

    @Secured(Role.Names.ORDER_SYSTEM)
    @Post(uri = "/orders/screen", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen a batch of orders against the guardrails in force; every decision is recorded before the answer",
            description = "Answers 200 with a verdict per order in the order sent (PASS, WARN, REQUIRE_APPROVAL, BLOCK) and every "
                    + "violation explained. A bad order (negative quantity, unknown side, unknown account, a price that is not a "
                    + "number) is a BLOCK verdict, not an error. 400: unreadable JSON or an unknown field; 422: no orders, more than "
                    + "1,000, an order without orderId or two with one; 409: the Idempotency-Key was used with another body, or "
                    + "no VIX is recorded for the date. A retry with the same Idempotency-Key and body gets the same answer and "
                    + "writes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScreenRequest.class)))
    @ApiResponse(responseCode = "200", description = "every order's verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningResponse.class)))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    HttpResponse<byte[]> screen(@Body byte[] body,
                                @Parameter(description = "the book date to screen on (default today)") @Nullable @QueryValue String asOf,
                                @Parameter(description = "makes a retry safe: same key and body, same answer, nothing written again; "
                                        + "keys are compared exactly, case included")
                                @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey,
                                Authentication authentication) {
        ScreeningAnswer answer = screening.screen(body, asOf, idempotencyKey, Caller.of(authentication).actor());
        var response = HttpResponse.ok(answer.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        return answer.replayed() ? response.header(REPLAYED, "true") : response;
    }

    @Secured({Role.Names.ORDER_SYSTEM, Role.Names.COMPLIANCE_OFFICER})
    @Get(uri = "/screenings/{requestId}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The answer a screening request got, exactly as it was sent")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScreeningResponse.class)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    HttpResponse<byte[]> screening(@PathVariable String requestId, Authentication authentication) {
        return HttpResponse.ok(records.response(requestId, Caller.of(authentication))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Secured({Role.Names.ORDER_SYSTEM, Role.Names.COMPLIANCE_OFFICER, Role.Names.ADVISOR})
    @Get(uri = "/decisions/{decisionId}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Why an order got its verdict: each broken guardrail row in words, with workbook, sheet, row and rule id, "
            + "the rule-set version and checksum, the facts seen, and the audit entry")
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    DecisionExplanation decision(@PathVariable String decisionId, Authentication authentication) {
        return records.explain(decisionId, Caller.of(authentication));
    }
}
