package trimtab.api.run;

/** Where a proposed trade stands on approval. */
public enum ApprovalState {
    /** PASS or WARN: routed without approval. */
    NOT_REQUIRED,
    /** REQUIRE_APPROVAL and nobody has decided yet. */
    PENDING,
    APPROVED,
    REJECTED,
    /** BLOCK: never routed, nothing to approve. */
    BLOCKED
}
