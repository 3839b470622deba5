package trimtab.engine.guardrail;

/** An order's outcome: the worst severity among its violations, or PASS. Declared from best to worst. */
public enum Verdict {
    PASS, WARN, REQUIRE_APPROVAL, BLOCK;

    static Verdict of(Severity severity) {
        return switch (severity) {
            case BLOCK -> BLOCK;
            case REQUIRE_APPROVAL -> REQUIRE_APPROVAL;
            case WARN -> WARN;
        };
    }

    Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
