package trimtab.engine.trigger;

import java.util.Set;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.LifeEventType;
import trimtab.engine.rules.RuleVocabulary;
import trimtab.engine.rules.ThresholdRange;

/** The facts and actions the triggers workbook may use, and the plausible range of every number its rows compare. */
public final class TriggerVocabulary {
    private TriggerVocabulary() {
    }

    public static RuleVocabulary get() {
        return new RuleVocabulary(Set.of(ClassDrift.class, PortfolioState.class, LotState.class, LifeEventState.class),
                Set.of(TriggerAction.class))
                .withValues(LifeEventState.class, "type", LifeEventType.class)
                .withValues(LotState.class, "accountType", AccountType.class)
                .withRange(ClassDrift.class, "weight", ThresholdRange.PERCENT)
                .withRange(ClassDrift.class, "target", ThresholdRange.PERCENT)
                .withRange(ClassDrift.class, "absoluteDrift", ThresholdRange.PERCENTAGE_POINTS)
                .withRange(ClassDrift.class, "relativeDrift", ThresholdRange.PERCENT)
                .withRange(ClassDrift.class, "absoluteBand", ThresholdRange.PERCENTAGE_POINTS)
                .withRange(ClassDrift.class, "relativeBand", ThresholdRange.PERCENT)
                .withRange(ClassDrift.class, "marketValue", ThresholdRange.DOLLARS)
                .withRange(PortfolioState.class, "totalValue", ThresholdRange.DOLLARS)
                .withRange(PortfolioState.class, "cash", ThresholdRange.DOLLARS)
                .withRange(PortfolioState.class, "cashWeight", ThresholdRange.PERCENT)
                .withRange(PortfolioState.class, "cashTarget", ThresholdRange.PERCENT)
                .withRange(PortfolioState.class, "excessCash", ThresholdRange.PERCENTAGE_POINTS)
                .withRange(PortfolioState.class, "daysSinceLastRebalance", ThresholdRange.DAYS)
                .withRange(PortfolioState.class, "daysToQuarterEnd", ThresholdRange.DAYS_IN_A_QUARTER)
                .withRange(PortfolioState.class, "vix", ThresholdRange.VIX)
                .withRange(PortfolioState.class, "distributionsWithinDays", ThresholdRange.DAYS)
                .withRange(PortfolioState.class, "contributionsInLastDays", ThresholdRange.DAYS)
                .withRange(PortfolioState.class, "nextDistributionAmount", ThresholdRange.DOLLARS)
                .withRange(PortfolioState.class, "maxAbsoluteDrift", ThresholdRange.PERCENTAGE_POINTS)
                .withRange(PortfolioState.class, "maxRelativeDrift", ThresholdRange.PERCENT)
                .withRange(PortfolioState.class, "classesOutsideBand", ThresholdRange.ASSET_CLASSES)
                .withRange(LotState.class, "quantity", ThresholdRange.SHARES)
                .withRange(LotState.class, "costBasis", ThresholdRange.DOLLARS)
                .withRange(LotState.class, "marketValue", ThresholdRange.DOLLARS)
                .withRange(LotState.class, "loss", ThresholdRange.DOLLARS)
                .withRange(LotState.class, "lossPct", ThresholdRange.PERCENT)
                .withRange(LotState.class, "holdingDays", ThresholdRange.DAYS)
                .withRange(LifeEventState.class, "daysSince", ThresholdRange.DAYS_EITHER_WAY)
                .withMetadataRange("priority", ThresholdRange.PRIORITY);
    }
}
