package trimtab.engine.guardrail;

import java.util.Set;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.SecurityType;
import trimtab.engine.rules.RuleVocabulary;

/** The facts and severities the guardrails workbook may use. */
public final class GuardrailVocabulary {
    private GuardrailVocabulary() {
    }

    public static RuleVocabulary get() {
        return new RuleVocabulary(Set.of(OrderCheck.class), Set.of(Severity.class))
                .withValues(OrderCheck.class, "side", Side.class)
                .withValues(OrderCheck.class, "accountType", AccountType.class)
                .withValues(OrderCheck.class, "securityType", SecurityType.class);
    }

    /** The sides a row may test. */
    enum Side { BUY, SELL }
}
