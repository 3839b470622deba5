package trimtab.api.rulesets;

/** What can happen to a stored rule-set version after its upload. */
public enum RuleSetEventType {
    /** A second compliance officer (not the uploader) approved it for activation. */
    APPROVED,
    /** It was put in force. */
    ACTIVATED,
    /** An earlier version was put back in force. */
    ROLLED_BACK;

    /** Whether the event puts its version in force. */
    public boolean activates() {
        return this == ACTIVATED || this == ROLLED_BACK;
    }
}
