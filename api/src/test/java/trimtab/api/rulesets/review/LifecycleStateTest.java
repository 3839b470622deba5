package trimtab.api.rulesets.review;

import org.junit.jupiter.api.Test;
import trimtab.api.rulesets.RuleSetEvent;
import trimtab.api.rulesets.RuleSetEventType;
import trimtab.engine.rules.TableKind;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A version's state follows from its events and the version in force. */
class LifecycleStateTest {

    @Test
    void a_version_is_draft_until_approved_approved_until_activated_active_while_in_force_and_retired_after() {
        List<RuleSetEvent> none = List.of();
        List<RuleSetEvent> approved = List.of(event(2, RuleSetEventType.APPROVED));
        List<RuleSetEvent> activated = List.of(event(2, RuleSetEventType.APPROVED), event(2, RuleSetEventType.ACTIVATED));

        assertThat(LifecycleState.of(2, none, 1)).isEqualTo(LifecycleState.DRAFT);
        assertThat(LifecycleState.of(2, approved, 1)).isEqualTo(LifecycleState.APPROVED);
        assertThat(LifecycleState.of(2, activated, 2)).isEqualTo(LifecycleState.ACTIVE);
        assertThat(LifecycleState.of(2, activated, 3)).isEqualTo(LifecycleState.RETIRED);
        // rolled back to: in force again
        assertThat(LifecycleState.of(2, List.of(event(2, RuleSetEventType.ACTIVATED), event(2, RuleSetEventType.ROLLED_BACK)), 2))
                .isEqualTo(LifecycleState.ACTIVE);
        // the shipped version 1 is activated without an approval
        assertThat(LifecycleState.of(1, List.of(event(1, RuleSetEventType.ACTIVATED)), 1)).isEqualTo(LifecycleState.ACTIVE);
    }

    private static RuleSetEvent event(int version, RuleSetEventType type) {
        return new RuleSetEvent(1, TableKind.GUARDRAILS, version, type, "someone", Instant.EPOCH, "because", 1);
    }
}
