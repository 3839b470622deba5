package trimtab.engine.taxpolicy;

import java.math.BigDecimal;
import java.util.List;
import trimtab.engine.book.AccountId;
import trimtab.engine.lots.LotMethod;
import trimtab.engine.rules.RuleRef;

/**
 * The tax policy of one account, with the rows it came from (the first is the most specific).
 *
 * @param gainBudget          net realised gains allowed per calendar year for the household, in dollars
 * @param shortTermGainCap    short-term gains allowed per calendar year, in dollars
 * @param harvestLossPct      a lot is harvested when its loss is at least this percentage of its cost ...
 * @param harvestLossAmount   ... and at least this many dollars
 */
public record TaxPolicy(AccountId account, LotMethod lotMethod, BigDecimal gainBudget, BigDecimal shortTermGainCap,
                        BigDecimal harvestLossPct, BigDecimal harvestLossAmount, WashSaleScope washSaleScope,
                        RebalanceMode rebalanceMode, List<RuleRef> decidedBy) {
    public TaxPolicy {
        decidedBy = List.copyOf(decidedBy);
    }
}
