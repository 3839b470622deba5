package trimtab.api.screening;

import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.explain.ViolationView;

import java.util.List;

/**
 * One order's verdict: PASS, WARN, REQUIRE_APPROVAL or BLOCK (the worst severity among its violations), with the
 * violations most severe first.
 */
@Serdeable
public record OrderVerdictView(String orderId, String decisionId, String verdict, List<ViolationView> violations) {
}
