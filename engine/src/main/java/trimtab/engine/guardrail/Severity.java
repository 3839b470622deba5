package trimtab.engine.guardrail;

/** How serious a guardrail row's violation is; recorded by the row's action. */
public enum Severity {
    /** The order must not be routed. */
    BLOCK,
    /** A person (advisor or compliance) must approve the order before it is routed. */
    REQUIRE_APPROVAL,
    /** The order may be routed; the warning is recorded and shown. */
    WARN
}
