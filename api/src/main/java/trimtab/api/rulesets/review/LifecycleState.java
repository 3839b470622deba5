package trimtab.api.rulesets.review;

import trimtab.api.rulesets.RuleSetEvent;
import trimtab.api.rulesets.RuleSetEventType;

import java.util.List;

/** Where a version is in its life, derived from its events and the version in force; never stored. */
public enum LifecycleState {
    /** Uploaded and checked, not yet approved. */
    DRAFT,
    /** Approved by a second compliance officer, never activated. */
    APPROVED,
    /** The version in force for its table. */
    ACTIVE,
    /** Once in force, replaced since (it may be rolled back to). */
    RETIRED;

    /**
     * @param events   the version's events
     * @param inForce  the version in force for its table, or null if none
     */
    public static LifecycleState of(int version, List<RuleSetEvent> events, Integer inForce) {
        if (inForce != null && inForce == version) {
            return ACTIVE;
        }
        if (events.stream().anyMatch(e -> e.type().activates())) {
            return RETIRED;
        }
        if (events.stream().anyMatch(e -> e.type() == RuleSetEventType.APPROVED)) {
            return APPROVED;
        }
        return DRAFT;
    }
}
