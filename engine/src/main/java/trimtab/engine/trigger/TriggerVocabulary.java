package trimtab.engine.trigger;

import java.util.Set;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.LifeEventType;
import trimtab.engine.rules.RuleVocabulary;

/** The facts and actions the triggers workbook may use. */
public final class TriggerVocabulary {
    private TriggerVocabulary() {
    }

    public static RuleVocabulary get() {
        return new RuleVocabulary(Set.of(ClassDrift.class, PortfolioState.class, LotState.class, LifeEventState.class),
                Set.of(TriggerAction.class))
                .withValues(LifeEventState.class, "type", LifeEventType.class)
                .withValues(LotState.class, "accountType", AccountType.class);
    }
}
