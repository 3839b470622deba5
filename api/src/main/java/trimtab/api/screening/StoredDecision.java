package trimtab.api.screening;

import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.explain.ViolationView;

import java.util.List;

/**
 * What {@code order_decision.explanation} holds for one decision: the order exactly as received, every violation
 * as the advisor reads it, the snapshot facts it was judged on, its input hash and the rule sets in force.
 */
@Serdeable
record StoredDecision(OrderInput order, List<ViolationView> violations, SeenFacts facts, String inputHash, String ruleSets) {
}
