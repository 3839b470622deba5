package trimtab.engine.cycle;

/** What a household's decision does with the trades planned for it. */
public enum TradingCourse {
    /** Nothing is proposed: no trigger fired, none asks for a trade, or the household could not be evaluated. */
    NO_TRADES,
    /** Trades are proposed and go by their guardrail verdicts. */
    AUTOMATED,
    /** Trades are proposed but each one the guardrails do not block waits for an advisor's approval (SUSPEND, REVIEW). */
    HELD_FOR_APPROVAL
}
