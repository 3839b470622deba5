package trimtab.engine.planner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import trimtab.engine.drift.PortfolioScope;
import trimtab.engine.trigger.TriggerAction;
import trimtab.engine.trigger.TriggerHit;

/**
 * Names the trigger rows behind each trade of a proposal, so that "why is this trade here" leads back to a
 * workbook row: a rebalancing trade to the drift rows of its asset class and the portfolio's rebalance,
 * raise-cash and invest-cash rows; a harvest sale to the harvest rows of the lot it sells; a substitute to
 * its harvest sale's rows.
 */
public final class TriggerAttribution {
    private TriggerAttribution() {
    }

    public static Proposal attribute(Proposal proposal, List<TriggerHit> hits) {
        PortfolioScope scope = proposal.before().scope();
        List<ProposedTrade> trades = new ArrayList<>();
        List<String> lastHarvest = List.of();
        for (ProposedTrade trade : proposal.trades()) {
            Set<String> rules = new LinkedHashSet<>();
            switch (trade.purpose()) {
                case HARVEST -> {
                    for (TriggerHit hit : hits) {
                        if (hit.action() == TriggerAction.HARVEST && hit.lot().isPresent()
                                && trade.lots().stream().anyMatch(l -> l.lot().value().equals(hit.lot().get()))) {
                            rules.add(hit.ruleId());
                        }
                    }
                    lastHarvest = List.copyOf(rules);
                }
                case SUBSTITUTE -> rules.addAll(lastHarvest);
                case REBALANCE -> {
                    for (TriggerHit hit : hits) {
                        boolean sameScope = hit.scope().equals(scope.toString());
                        boolean classHit = hit.assetClass().map(c -> c.equals(trade.assetClass().code())).orElse(false);
                        boolean portfolioHit = hit.assetClass().isEmpty() && hit.lot().isEmpty()
                                && (hit.action() == TriggerAction.REBALANCE || hit.action() == TriggerAction.RAISE_CASH
                                || hit.action() == TriggerAction.INVEST_CASH);
                        if (sameScope && (classHit || portfolioHit)) {
                            rules.add(hit.ruleId());
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown purpose " + trade.purpose());
            }
            trades.add(trade.withTriggers(List.copyOf(rules)));
        }
        return new Proposal(proposal.mode(), trades, proposal.before(), proposal.after(), proposal.realisedShortTerm(),
                proposal.realisedLongTerm(), proposal.estimatedTax(), proposal.residuals(), proposal.harvestedLosses(),
                proposal.swapBacks());
    }
}
