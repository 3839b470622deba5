package trimtab.api.screening;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to a screening request: a verdict per order, in the order sent, each with its decision id (to ask
 * why later) and every guardrail row it breaks. Stored verbatim, so that a retry gets these very bytes.
 *
 * @param asOf the date of the book snapshot the batch was judged on
 */
@Serdeable
public record ScreeningResponse(String requestId, RuleSetView ruleSet, String asOf, List<OrderVerdictView> verdicts) {
}
