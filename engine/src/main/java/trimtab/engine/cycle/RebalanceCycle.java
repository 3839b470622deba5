package trimtab.engine.cycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.drift.PortfolioDrift;
import trimtab.engine.drift.PortfolioScope;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.OrderRequest;
import trimtab.engine.guardrail.OrderVerdict;
import trimtab.engine.guardrail.ScreeningResult;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.planner.PlannerSettings;
import trimtab.engine.planner.Proposal;
import trimtab.engine.planner.ProposedTrade;
import trimtab.engine.planner.ScreenedPlanner;
import trimtab.engine.planner.ScreenedProposal;
import trimtab.engine.planner.TradePlanner;
import trimtab.engine.planner.TriggerAttribution;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.taxpolicy.TaxPolicyResolver;
import trimtab.engine.trigger.HouseholdTriggers;
import trimtab.engine.trigger.TriggerAction;
import trimtab.engine.trigger.TriggerEvaluator;
import trimtab.engine.trigger.TriggerHit;

/**
 * The rebalancing cycle: triggers, decision, plan, screen, attribution, for each household of a book. See the
 * package documentation for what each decision does. Deterministic; the rule sets are the ones given at
 * construction, so a run that takes them once decides every household with the same versions.
 */
public final class RebalanceCycle {
    private static final Set<TriggerAction> TRADING = EnumSet.of(TriggerAction.RAISE_CASH, TriggerAction.REBALANCE,
            TriggerAction.HARVEST, TriggerAction.INVEST_CASH);

    private final TriggerEvaluator triggers;
    private final TaxPolicyResolver taxPolicy;
    private final GuardrailScreener guardrails;
    private final TradePlanner planner;
    private final ScreenedPlanner screenedPlanner;

    public RebalanceCycle(TriggerEvaluator triggers, TaxPolicyResolver taxPolicy, GuardrailScreener guardrails,
                          PlannerSettings settings) {
        this.triggers = triggers;
        this.taxPolicy = taxPolicy;
        this.guardrails = guardrails;
        this.planner = new TradePlanner(settings);
        this.screenedPlanner = new ScreenedPlanner(planner, guardrails);
    }

    /** Every household of the book, in book order. */
    public List<HouseholdOutcome> run(BookSnapshot book) {
        return triggers.evaluate(book).households().stream().map(t -> run(t, book)).toList();
    }

    /** One household whose triggers were evaluated on this book. */
    public HouseholdOutcome run(HouseholdTriggers evaluated, BookSnapshot book) {
        Household household = book.household(evaluated.household()).orElseThrow(() -> new IllegalArgumentException(
                "household " + evaluated.household() + " is not in the book"));
        Optional<TriggerAction> decision = evaluated.decision();
        if (evaluated.error().isPresent()) {
            return outcome(evaluated, TradingCourse.NO_TRADES, List.of(), Map.of(), List.of(), List.of(), evaluated.error());
        }
        List<TriggerHit> holding = decision.filter(d -> d == TriggerAction.SUSPEND || d == TriggerAction.REVIEW)
                .map(d -> evaluated.hits().stream().filter(h -> h.action() == d).toList()).orElse(List.of());
        List<String> notes = new ArrayList<>();
        Map<PortfolioScope, TriggerHit> drivers = drivers(evaluated, household, notes);
        if (decision.isEmpty() || drivers.isEmpty()) {
            return outcome(evaluated, TradingCourse.NO_TRADES, holding, Map.of(), List.of(), notes, Optional.empty());
        }
        TradingCourse course = holding.isEmpty() ? TradingCourse.AUTOMATED : TradingCourse.HELD_FOR_APPROVAL;
        Optional<String> heldBecause = holding.isEmpty() ? Optional.empty() : Optional.of(heldBecause(decision.get(), holding));
        try {
            Map<AccountId, TaxPolicy> policies = taxPolicy.resolve(household, book).stream()
                    .collect(Collectors.toMap(TaxPolicy::account, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            List<PortfolioOutcome> portfolios = new ArrayList<>();
            for (PortfolioDrift drift : evaluated.drifts()) {
                TriggerHit driver = drivers.get(drift.scope());
                if (driver != null) {
                    portfolios.add(plan(household, book, drift.scope(), driver, policies, evaluated.hits(), heldBecause));
                }
            }
            return outcome(evaluated, course, holding, policies, portfolios, notes, Optional.empty());
        } catch (InvalidBookException e) {
            return outcome(evaluated, TradingCourse.NO_TRADES, holding, Map.of(), List.of(), notes, Optional.of(e.getMessage()));
        }
    }

    private static HouseholdOutcome outcome(HouseholdTriggers evaluated, TradingCourse course, List<TriggerHit> holding,
                                            Map<AccountId, TaxPolicy> policies, List<PortfolioOutcome> portfolios,
                                            List<String> notes, Optional<String> error) {
        return new HouseholdOutcome(evaluated.household(), evaluated.advisor(), evaluated.drifts(), evaluated.hits(),
                evaluated.decision(), course, holding, policies, portfolios, notes, error);
    }

    /**
     * The most urgent trading hit of each plannable portfolio (hits come most urgent first). A hit on a portfolio
     * that cannot be planned (a sleeve without a household model) becomes a note.
     */
    private static Map<PortfolioScope, TriggerHit> drivers(HouseholdTriggers evaluated, Household household, List<String> notes) {
        Map<PortfolioScope, PortfolioDrift> plannable = new LinkedHashMap<>();
        for (PortfolioDrift drift : evaluated.drifts()) {
            if (drift.model().isPresent() && !drift.isEmpty()) {
                plannable.put(drift.scope(), drift);
            }
        }
        Map<PortfolioScope, TriggerHit> drivers = new LinkedHashMap<>();
        for (TriggerHit hit : evaluated.hits()) {
            if (!TRADING.contains(hit.action())) {
                continue;
            }
            Optional<PortfolioScope> portfolio = portfolioOf(hit, household, evaluated.drifts());
            if (portfolio.isPresent() && plannable.containsKey(portfolio.get())) {
                drivers.putIfAbsent(portfolio.get(), hit);
            } else {
                String note = hit.action() + " " + hit.ruleId() + " on " + hit.scope()
                        + ": not planned, the portfolio has no model to trade to";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        return drivers;
    }

    /** The portfolio a hit concerns: a lot's is the portfolio holding its account; others name their scope. */
    private static Optional<PortfolioScope> portfolioOf(TriggerHit hit, Household household, List<PortfolioDrift> drifts) {
        String accountPrefix = "account ";
        if (hit.lot().isPresent() && hit.scope().startsWith(accountPrefix)) {
            AccountId id = AccountId.of(hit.scope().substring(accountPrefix.length()));
            return household.account(id).map(a -> a.model().isPresent()
                    ? PortfolioScope.ofAccount(household.id(), id) : PortfolioScope.ofHousehold(household.id()));
        }
        return drifts.stream().map(PortfolioDrift::scope).filter(s -> s.toString().equals(hit.scope())).findFirst();
    }

    private static String heldBecause(TriggerAction decision, List<TriggerHit> holding) {
        String rules = holding.stream().map(TriggerHit::ruleId).distinct().collect(Collectors.joining(", "));
        String first = holding.get(0).explanation().message();
        return decision == TriggerAction.SUSPEND
                ? "automated trading is suspended (" + rules + "): " + first
                : "the household needs an advisor's review before trading (" + rules + "): " + first;
    }

    private PortfolioOutcome plan(Household household, BookSnapshot book, PortfolioScope scope, TriggerHit driver,
                                  Map<AccountId, TaxPolicy> policies, List<TriggerHit> hits, Optional<String> heldBecause) {
        List<Account> accounts = scope.account().map(id -> List.of(household.account(id).orElseThrow()))
                .orElseGet(household::householdSleeve);
        ModeChoice mode = ModeChoice.of(driver, accounts, policies);
        Proposal proposal;
        ScreeningResult screening;
        List<ScreenedProposal.BlockedTrade> replannedAround = new ArrayList<>();
        if (scope.isHousehold()) {
            ScreenedProposal screened = screenedPlanner.plan(household, book, policies, mode.mode());
            proposal = screened.proposal();
            screening = screened.screening();
            // when re-planning ran out of rounds the last blocked trades are still in the proposal: report them there
            screened.blocked().stream().filter(b -> !proposal.trades().contains(b.trade())).forEach(replannedAround::add);
        } else {
            // the planner takes no exclusions for an account with its own model: what the guardrails block stays
            // in the proposal with its BLOCK verdict
            proposal = planner.planAccount(household, scope.account().orElseThrow(), book, policies, mode.mode());
            screening = guardrails.screen(orders(proposal.trades()), book);
        }
        Proposal attributed = TriggerAttribution.attribute(proposal, hits);
        boolean held = heldBecause.isPresent();
        List<TradeOutcome> trades = new ArrayList<>();
        for (int i = 0; i < attributed.trades().size(); i++) {
            OrderVerdict verdict = screening.verdicts().get(i);
            trades.add(new TradeOutcome(scope, attributed.trades().get(i), verdict, TradeOutcome.verdict(verdict.verdict(), held),
                    held && verdict.verdict() != Verdict.BLOCK ? heldBecause : Optional.empty(), false));
        }
        List<TradeOutcome> blocked = new ArrayList<>();
        if (!replannedAround.isEmpty()) {
            Proposal blockedProposal = new Proposal(proposal.mode(), replannedAround.stream().map(ScreenedProposal.BlockedTrade::trade).toList(),
                    proposal.before(), proposal.before(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), BigDecimal.ZERO,
                    List.of());
            List<ProposedTrade> blockedTrades = TriggerAttribution.attribute(blockedProposal, hits).trades();
            for (int i = 0; i < blockedTrades.size(); i++) {
                OrderVerdict verdict = replannedAround.get(i).verdict();
                blocked.add(new TradeOutcome(scope, blockedTrades.get(i), verdict, verdict.verdict(), Optional.empty(), true));
            }
        }
        return new PortfolioOutcome(scope, driver, mode.mode(), mode.reason(), attributed, trades, blocked);
    }

    /** A proposal's trades as automated orders, priced as planned. */
    private static List<OrderRequest> orders(List<ProposedTrade> trades) {
        List<OrderRequest> orders = new ArrayList<>();
        for (int i = 0; i < trades.size(); i++) {
            ProposedTrade trade = trades.get(i);
            orders.add(new OrderRequest("P-" + (i + 1), trade.account().value(), trade.symbol().value(), trade.side().name(),
                    trade.quantity().toPlainString(), trade.price().toPlainString(), true));
        }
        return orders;
    }
}
