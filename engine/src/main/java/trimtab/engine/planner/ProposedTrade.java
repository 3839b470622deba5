package trimtab.engine.planner;

import java.math.BigDecimal;
import java.util.List;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TradeSide;
import trimtab.engine.lots.LotRelief;

/**
 * One trade of a proposal.
 *
 * @param lots   for a sale in a taxable account, the lots relieved with their gain and term; empty otherwise
 * @param reason      why the planner proposes it, in words
 * @param purpose     rebalancing, a harvest sale, or the substitute bought with a harvest's proceeds
 * @param triggeredBy the rule ids of the trigger hits behind it, once attributed ({@link TriggerAttribution})
 */
public record ProposedTrade(AccountId account, Symbol symbol, AssetClass assetClass, TradeSide side, BigDecimal quantity,
                            BigDecimal price, BigDecimal notional, List<LotRelief> lots, String reason, Purpose purpose,
                            List<String> triggeredBy) {

    public enum Purpose { REBALANCE, HARVEST, SUBSTITUTE }

    public ProposedTrade {
        lots = List.copyOf(lots);
        triggeredBy = triggeredBy == null ? List.of() : List.copyOf(triggeredBy);
    }

    public ProposedTrade withTriggers(List<String> ruleIds) {
        return new ProposedTrade(account, symbol, assetClass, side, quantity, price, notional, lots, reason, purpose, ruleIds);
    }
}
