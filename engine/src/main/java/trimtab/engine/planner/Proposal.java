package trimtab.engine.planner;

import java.math.BigDecimal;
import java.util.List;
import trimtab.engine.drift.PortfolioDrift;
import trimtab.engine.taxpolicy.RebalanceMode;

/**
 * The trades proposed for one portfolio, with their effect: drift before and after, realised gains by
 * term, the estimated tax, and the residual drift with its reasons.
 *
 * @param realisedShortTerm net short-term gain (negative: loss) the trades realise
 * @param estimatedTax      tax on the net gains at the household's rates (0 when the net is a loss)
 */
public record Proposal(RebalanceMode mode, List<ProposedTrade> trades, PortfolioDrift before, PortfolioDrift after,
                       BigDecimal realisedShortTerm, BigDecimal realisedLongTerm, BigDecimal estimatedTax,
                       List<Residual> residuals, BigDecimal harvestedLosses, List<SwapBack> swapBacks) {
    public Proposal {
        trades = List.copyOf(trades);
        residuals = List.copyOf(residuals);
        swapBacks = List.copyOf(swapBacks);
    }
}
