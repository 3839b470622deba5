package trimtab.api.run;

import trimtab.api.explain.ViolationView;
import trimtab.engine.cycle.HouseholdOutcome;
import trimtab.engine.cycle.PortfolioOutcome;
import trimtab.engine.cycle.TradeOutcome;
import trimtab.engine.planner.Proposal;
import trimtab.engine.planner.ProposedTrade;
import trimtab.engine.rules.RuleRef;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.trigger.TriggerAction;
import trimtab.engine.trigger.TriggerHit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The engine's outcome of a household as the JSON the run tables store. */
final class HouseholdResults {
    private HouseholdResults() {
    }

    /**
     * @param tradeIds the id given to each trade of the outcome ({@link HouseholdOutcome#allTrades()} order)
     */
    static HouseholdResult of(HouseholdOutcome outcome, Map<TradeOutcome, String> tradeIds, String inputHash) {
        List<HouseholdResult.PolicyView> policies = outcome.policies().values().stream()
                .sorted(java.util.Comparator.comparing(p -> p.account().value())).map(HouseholdResults::policy).toList();
        List<HouseholdResult.PlanView> plans = outcome.portfolios().stream().map(p -> plan(p, tradeIds)).toList();
        return new HouseholdResult(outcome.household().value(), outcome.advisor().value(),
                outcome.decision().map(TriggerAction::name).orElse(null), outcome.course().name(),
                outcome.drifts().stream().map(DriftView::of).toList(), outcome.hits().stream().map(HitView::of).toList(),
                outcome.holdingHits().stream().map(TriggerHit::ruleId).distinct().toList(), policies, plans, outcome.notes(),
                outcome.error().orElse(null), outcome.estimatedTax(), outcome.harvestedLosses(), outcome.realisedShortTerm(),
                outcome.realisedLongTerm(), outcome.trades().size(), outcome.blocked().size(), inputHash);
    }

    private static HouseholdResult.PlanView plan(PortfolioOutcome portfolio, Map<TradeOutcome, String> tradeIds) {
        Proposal proposal = portfolio.proposal();
        return new HouseholdResult.PlanView(portfolio.scope().toString(), portfolio.drivenBy().action().name(),
                portfolio.drivenBy().ruleId(), portfolio.mode().name(), portfolio.modeReason(), DriftView.of(proposal.after()),
                proposal.residuals().stream().map(r -> new HouseholdResult.ResidualView(r.assetClass().code(), r.driftPts(), r.reason()))
                        .toList(),
                proposal.swapBacks().stream().map(s -> new HouseholdResult.SwapBackView(s.account().value(), s.substitute().value(),
                        s.quantity(), s.original().value(), s.notBefore())).toList(),
                proposal.estimatedTax(), proposal.harvestedLosses(), proposal.realisedShortTerm(), proposal.realisedLongTerm(),
                portfolio.trades().stream().map(tradeIds::get).toList(), portfolio.blocked().stream().map(tradeIds::get).toList());
    }

    private static HouseholdResult.PolicyView policy(TaxPolicy p) {
        return new HouseholdResult.PolicyView(p.account().value(), p.lotMethod().name(), p.gainBudget(), p.shortTermGainCap(),
                p.harvestLossPct(), p.harvestLossAmount(), p.washSaleScope().name(), p.rebalanceMode().name(),
                p.decidedBy().stream().map(RuleRef::ruleId).toList());
    }

    static TradeExplanation explanation(TradeOutcome outcome) {
        ProposedTrade trade = outcome.trade();
        return new TradeExplanation(outcome.portfolio().toString(), trade.assetClass().code(), trade.purpose().name(), trade.reason(),
                trade.triggeredBy(), outcome.screening().verdict().name(), outcome.verdict().name(), outcome.heldBecause().orElse(null),
                outcome.screening().violations().stream().map(ViolationView::of).toList(), outcome.replannedAround(),
                trade.lots().stream().map(l -> new TradeExplanation.LotView(l.lot().value(), l.quantity(), l.acquired(), l.basis(),
                        l.proceeds(), l.gain(), l.term().name())).toList());
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
