package trimtab.engine.guardrail;

import java.util.Set;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.SecurityType;
import trimtab.engine.rules.RuleVocabulary;
import trimtab.engine.rules.ThresholdRange;

/** The facts and severities the guardrails workbook may use, and the plausible range of every number its rows compare. */
public final class GuardrailVocabulary {
    private GuardrailVocabulary() {
    }

    public static RuleVocabulary get() {
        return new RuleVocabulary(Set.of(OrderCheck.class), Set.of(Severity.class))
                .withValues(OrderCheck.class, "side", Side.class)
                .withValues(OrderCheck.class, "accountType", AccountType.class)
                .withValues(OrderCheck.class, "securityType", SecurityType.class)
                .withRange(OrderCheck.class, "quantity", ThresholdRange.SHARES)
                .withRange(OrderCheck.class, "price", ThresholdRange.DOLLARS)
                .withRange(OrderCheck.class, "notional", ThresholdRange.DOLLARS)
                .withRange(OrderCheck.class, "priceAgeDays", ThresholdRange.DAYS)
                .withRange(OrderCheck.class, "securityPctOfAccount", ThresholdRange.PERCENT)
                .withRange(OrderCheck.class, "issuerPctOfAccount", ThresholdRange.PERCENT)
                .withRange(OrderCheck.class, "securityPctOfHousehold", ThresholdRange.PERCENT)
                .withRange(OrderCheck.class, "issuerPctOfHousehold", ThresholdRange.PERCENT)
                .withRange(OrderCheck.class, "classPctOfHousehold", ThresholdRange.PERCENT)
                .withRange(OrderCheck.class, "ipsMin", ThresholdRange.PERCENT)
                .withRange(OrderCheck.class, "ipsMax", ThresholdRange.PERCENT)
                .withRange(OrderCheck.class, "ipsExcessPts", ThresholdRange.PERCENTAGE_POINTS)
                .withRange(OrderCheck.class, "heldQuantity", ThresholdRange.SHARES)
                .withRange(OrderCheck.class, "shortBy", ThresholdRange.SHARES)
                .withRange(OrderCheck.class, "overdraftBy", ThresholdRange.DOLLARS)
                .withRange(OrderCheck.class, "estimatedLoss", ThresholdRange.DOLLARS)
                .withRange(OrderCheck.class, "vix", ThresholdRange.VIX);
    }

    /** The sides a row may test. */
    enum Side { BUY, SELL }
}
