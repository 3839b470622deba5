package trimtab.engine.cycle;

import java.util.List;
import trimtab.engine.drift.PortfolioScope;
import trimtab.engine.planner.Proposal;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.trigger.TriggerHit;

/**
 * The plan for one portfolio of a household (its sleeve, or an account with a model of its own).
 *
 * @param drivenBy   the most urgent trading hit concerning the portfolio: its action chose the mode
 * @param modeReason why this mode, in words (the action, and for a rebalance the tax-policy rows)
 * @param proposal   the final proposal, trades attributed to their trigger rows; drift before and after, tax, residuals
 * @param trades     the proposal's trades with their verdicts, in proposal order
 * @param blocked    trades an earlier plan proposed and the guardrails blocked; the planner re-planned around them
 */
public record PortfolioOutcome(PortfolioScope scope, TriggerHit drivenBy, RebalanceMode mode, String modeReason,
                               Proposal proposal, List<TradeOutcome> trades, List<TradeOutcome> blocked) {
    public PortfolioOutcome {
        trades = List.copyOf(trades);
        blocked = List.copyOf(blocked);
    }
}
