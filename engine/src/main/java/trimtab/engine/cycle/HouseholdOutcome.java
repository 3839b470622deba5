package trimtab.engine.cycle;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.drift.PortfolioDrift;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.planner.Proposal;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.trigger.TriggerAction;
import trimtab.engine.trigger.TriggerHit;

/**
 * What one cycle did for a household.
 *
 * @param drifts      the drift of each of its portfolios before any trade
 * @param hits        every trigger row that fired, most urgent first
 * @param decision    the household's decision (empty: nothing fired, or it could not be evaluated)
 * @param holdingHits the SUSPEND or REVIEW hits that hold its trades for approval (empty unless held)
 * @param policies    the tax policy of each account, as resolved for the plan (empty when nothing was planned)
 * @param portfolios  one plan per portfolio a trading hit concerns
 * @param notes       what was not planned although a hit asked for it, and why
 * @param error       why the household could not be evaluated or planned (bad data); nothing is proposed then
 */
public record HouseholdOutcome(HouseholdId household, AdvisorId advisor, List<PortfolioDrift> drifts, List<TriggerHit> hits,
                               Optional<TriggerAction> decision, TradingCourse course, List<TriggerHit> holdingHits,
                               Map<AccountId, TaxPolicy> policies, List<PortfolioOutcome> portfolios, List<String> notes,
                               Optional<String> error) {
    public HouseholdOutcome {
        drifts = List.copyOf(drifts);
        hits = List.copyOf(hits);
        decision = decision == null ? Optional.empty() : decision;
        holdingHits = List.copyOf(holdingHits);
        policies = Map.copyOf(policies);
        portfolios = List.copyOf(portfolios);
        notes = List.copyOf(notes);
        error = error == null ? Optional.empty() : error;
    }

    /** The trades proposed, every portfolio's in turn (blocked ones re-planned around are in {@link #blocked()}). */
    public List<TradeOutcome> trades() {
        return portfolios.stream().flatMap(p -> p.trades().stream()).toList();
    }

    /** Every trade the guardrails blocked: re-planned around, or still in a proposal when re-planning could not avoid it. */
    public List<TradeOutcome> blocked() {
        return portfolios.stream().flatMap(p -> Stream.concat(p.blocked().stream(),
                p.trades().stream().filter(t -> t.verdict() == Verdict.BLOCK))).toList();
    }

    /** Every trade recorded for the household: the proposals' and those re-planned around. */
    public List<TradeOutcome> allTrades() {
        return portfolios.stream().flatMap(p -> Stream.concat(p.trades().stream(), p.blocked().stream())).toList();
    }

    public BigDecimal estimatedTax() {
        return sum(Proposal::estimatedTax);
    }

    public BigDecimal harvestedLosses() {
        return sum(Proposal::harvestedLosses);
    }

    public BigDecimal realisedShortTerm() {
        return sum(Proposal::realisedShortTerm);
    }

    public BigDecimal realisedLongTerm() {
        return sum(Proposal::realisedLongTerm);
    }

    private BigDecimal sum(Function<Proposal, BigDecimal> amount) {
        return portfolios.stream().map(p -> amount.apply(p.proposal())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
