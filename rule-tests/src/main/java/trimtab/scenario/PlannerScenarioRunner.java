package trimtab.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.bookfile.BookFileException;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.Violation;
import trimtab.engine.lots.LotMethod;
import trimtab.engine.planner.PlannerSettings;
import trimtab.engine.planner.Proposal;
import trimtab.engine.planner.ProposedTrade;
import trimtab.engine.planner.Residual;
import trimtab.engine.planner.ScreenedPlanner;
import trimtab.engine.planner.ScreenedProposal;
import trimtab.engine.planner.SwapBack;
import trimtab.engine.planner.TradePlanner;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.taxpolicy.TaxPolicyResolver;

/**
 * Runs planner scenarios: resolves each account's tax policy with the tax-policy workbook (optionally laid
 * over by the scenario), plans, optionally screens with the guardrails, and compares every trade, the
 * realised gains and tax, the residual drift, the swap-backs and the blocked trades with the scenario.
 */
public final class PlannerScenarioRunner implements ScenarioRunner {
    private final TaxPolicyResolver policies;
    private final CompiledRuleSet guardrails;
    private final ReferenceData reference;

    public PlannerScenarioRunner(CompiledRuleSet taxPolicy, CompiledRuleSet guardrails, ReferenceData reference) {
        this.policies = new TaxPolicyResolver(taxPolicy);
        this.guardrails = guardrails;
        this.reference = reference;
    }

    @Override
    public ScenarioResult run(ScenarioFile file, ScenarioFile.Scenario scenario) {
        List<String> expected = new ArrayList<>(scenario.trades());
        scenario.outcome().forEach((k, v) -> expected.add(k + " = " + v));
        scenario.residuals().forEach(r -> expected.add("residual " + r.assetClass() + ": ~\"" + r.reason() + "\""));
        scenario.swapBacks().forEach(s -> expected.add("swap back " + s));
        scenario.blocked().forEach(b -> expected.add("blocked " + b));
        ScenarioFile.PlanDoc plan = scenario.plan();
        if (plan == null || plan.household() == null) {
            return new ScenarioResult(file.path().toString(), scenario.name(), expected, List.of(),
                    List.of("a planner scenario needs 'plan: { household: ... }'"));
        }
        Proposal proposal;
        List<String> blocked = new ArrayList<>();
        try {
            BookSnapshot book = ScenarioRunner.book(file, scenario, reference);
            Household household = book.household(HouseholdId.of(plan.household())).orElseThrow(() -> new InvalidBookException(
                    "the book has no household " + plan.household()));
            Map<AccountId, TaxPolicy> resolved = policies.resolve(household, book).stream()
                    .map(p -> overlay(p, plan.policy())).collect(Collectors.toMap(TaxPolicy::account, Function.identity()));
            RebalanceMode mode = plan.mode() == null ? RebalanceMode.TO_TARGET : RebalanceMode.valueOf(plan.mode().toUpperCase(Locale.ROOT));
            TradePlanner planner = new TradePlanner(new PlannerSettings(PlannerSettings.DEFAULTS.minTradeNotional(),
                    PlannerSettings.DEFAULTS.reserveDays(), PlannerSettings.DEFAULTS.minCashPct(), !Boolean.FALSE.equals(plan.harvest())));
            if (Boolean.TRUE.equals(plan.screen())) {
                ScreenedProposal screened = new ScreenedPlanner(planner, new GuardrailScreener(guardrails)).plan(household, book, resolved, mode);
                proposal = screened.proposal();
                screened.blocked().forEach(b -> blocked.add(b.trade().side() + " " + b.trade().quantity().toPlainString() + " "
                        + b.trade().symbol() + " " + b.verdict().violations().stream().map(Violation::ruleId).collect(Collectors.joining(" "))));
            } else if (plan.account() != null) {
                proposal = planner.planAccount(household, AccountId.of(plan.account()), book, resolved, mode);
            } else {
                proposal = planner.planHousehold(household, book, resolved, mode);
            }
        } catch (BookFileException | InvalidBookException | IllegalArgumentException e) {
            return new ScenarioResult(file.path().toString(), scenario.name(), expected, List.of("error: " + e.getMessage()),
                    List.of("the plan failed: " + e.getMessage()));
        }
        List<String> trades = proposal.trades().stream().map(PlannerScenarioRunner::describe).toList();
        List<String> actual = new ArrayList<>();
        proposal.trades().forEach(t -> actual.add(describe(t) + "   (" + t.reason() + lots(t) + ")"));
        Map<String, BigDecimal> outcome = new LinkedHashMap<>();
        outcome.put("realisedShortTerm", proposal.realisedShortTerm());
        outcome.put("realisedLongTerm", proposal.realisedLongTerm());
        outcome.put("estimatedTax", proposal.estimatedTax());
        outcome.put("harvestedLosses", proposal.harvestedLosses());
        outcome.forEach((k, v) -> actual.add(k + " = " + v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()));
        proposal.residuals().forEach(r -> actual.add("residual " + r.assetClass() + " " + r.driftPts().setScale(2,
                java.math.RoundingMode.HALF_UP).toPlainString() + " pts: " + r.reason()));
        List<String> swapBacks = proposal.swapBacks().stream().map(PlannerScenarioRunner::describe).toList();
        swapBacks.forEach(s -> actual.add("swap back " + s));
        blocked.forEach(b -> actual.add("blocked " + b));

        List<String> problems = new ArrayList<>();
        if (!trades.equals(scenario.trades())) {
            problems.add("trades differ: expected " + scenario.trades() + ", got " + trades);
        }
        scenario.outcome().forEach((key, value) -> {
            BigDecimal got = outcome.get(key);
            if (got == null) {
                problems.add("unknown outcome '" + key + "' (use " + outcome.keySet() + ")");
            } else if (got.compareTo(new BigDecimal(value)) != 0) {
                problems.add(key + " is " + got.toPlainString() + ", expected " + value);
            }
        });
        List<String> residualClasses = proposal.residuals().stream().map(r -> r.assetClass().code()).sorted().toList();
        List<String> expectedClasses = scenario.residuals().stream().map(ScenarioFile.ResidualDoc::assetClass).sorted().toList();
        if (!residualClasses.equals(expectedClasses)) {
            problems.add("residual classes " + residualClasses + ", expected " + expectedClasses);
        }
        for (ScenarioFile.ResidualDoc expectation : scenario.residuals()) {
            proposal.residuals().stream().filter(r -> r.assetClass().code().equals(expectation.assetClass())).findFirst()
                    .map(Residual::reason).filter(reason -> expectation.reason() != null
                            && !reason.toLowerCase(Locale.ROOT).contains(expectation.reason().toLowerCase(Locale.ROOT)))
                    .ifPresent(reason -> problems.add("residual " + expectation.assetClass() + ": reason \"" + reason
                            + "\" does not contain \"" + expectation.reason() + "\""));
        }
        if (!swapBacks.equals(scenario.swapBacks())) {
            problems.add("swap-backs differ: expected " + scenario.swapBacks() + ", got " + swapBacks);
        }
        if (!blocked.equals(scenario.blocked())) {
            problems.add("blocked trades differ: expected " + scenario.blocked() + ", got " + blocked);
        }
        return new ScenarioResult(file.path().toString(), scenario.name(), expected, actual, problems);
    }

    private static TaxPolicy overlay(TaxPolicy policy, ScenarioFile.PolicyDoc doc) {
        if (doc == null) {
            return policy;
        }
        return new TaxPolicy(policy.account(), doc.lotMethod() == null ? policy.lotMethod() : LotMethod.valueOf(doc.lotMethod()),
                doc.gainBudget() == null ? policy.gainBudget() : doc.gainBudget(),
                doc.shortTermGainCap() == null ? policy.shortTermGainCap() : doc.shortTermGainCap(),
                policy.harvestLossPct(), policy.harvestLossAmount(), policy.washSaleScope(), policy.rebalanceMode(), policy.decidedBy());
    }

    static String describe(ProposedTrade t) {
        return t.account() + " " + t.side() + " " + t.quantity().toPlainString() + " " + t.symbol() + " " + t.notional().toPlainString();
    }

    private static String describe(SwapBack s) {
        return s.account() + " " + s.substitute() + " " + s.quantity().toPlainString() + " " + s.original() + " " + s.notBefore();
    }

    private static String lots(ProposedTrade t) {
        return t.lots().isEmpty() ? "" : "; lots " + t.lots().stream().map(l -> l.lot() + " " + l.quantity().toPlainString() + " "
                + l.term() + " gain " + l.gain().toPlainString()).collect(Collectors.joining(", "));
    }
}
