package trimtab.engine.trigger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.Household;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.LifeEvent;
import trimtab.engine.book.TaxLot;
import trimtab.engine.drift.AllocationDrift;
import trimtab.engine.drift.DriftCalculator;
import trimtab.engine.drift.PortfolioDrift;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.FiredRule;
import trimtab.engine.rules.TableKind;

/**
 * Evaluates the triggers workbook against a book: one rule session per household, with the household's
 * drift, portfolio state, lots and life events as facts. A household whose data cannot be valued is
 * reported with its error; the others are still evaluated.
 */
public final class TriggerEvaluator {
    /** Rows without a priority column value are ordered after every explicit priority. */
    static final int DEFAULT_PRIORITY = 9;

    private final CompiledRuleSet triggers;

    public TriggerEvaluator(CompiledRuleSet triggers) {
        if (triggers.version().kind() != TableKind.TRIGGERS) {
            throw new IllegalArgumentException("a " + triggers.version().kind() + " rule set cannot evaluate triggers");
        }
        this.triggers = triggers;
    }

    public TriggerReport evaluate(BookSnapshot book) {
        DriftCalculator calculator = new DriftCalculator(book.securities());
        List<HouseholdTriggers> results = new ArrayList<>();
        for (Household household : book.households()) {
            results.add(evaluate(household, book, calculator));
        }
        return new TriggerReport(book.asOf(), triggers.version(), results);
    }

    HouseholdTriggers evaluate(Household household, BookSnapshot book, DriftCalculator calculator) {
        try {
            List<PortfolioDrift> drifts = calculator.driftsOf(household, book);
            List<Object> facts = facts(household, book, drifts);
            List<TriggerHit> hits = triggers.evaluate(facts).stream().map(f -> hit(household, f)).toList();
            return new HouseholdTriggers(household.id(), household.advisor(), drifts, hits, Optional.empty());
        } catch (InvalidBookException e) {
            return new HouseholdTriggers(household.id(), household.advisor(), List.of(), List.of(),
                    Optional.of(e.getMessage()));
        }
    }

    static List<Object> facts(Household household, BookSnapshot book, List<PortfolioDrift> drifts) {
        List<Object> facts = new ArrayList<>();
        for (PortfolioDrift drift : drifts) {
            if (drift.isEmpty()) {
                continue;
            }
            List<Account> accounts = drift.scope().account()
                    .map(id -> List.of(household.account(id).orElseThrow()))
                    .orElseGet(household::householdSleeve);
            Set<AccountId> ids = accounts.stream().map(Account::id).collect(Collectors.toSet());
            List<CashFlow> flows = household.cashFlows().stream().filter(f -> ids.contains(f.account())).toList();
            BigDecimal cash = accounts.stream().map(Account::cash).reduce(BigDecimal.ZERO, BigDecimal::add);
            facts.add(new PortfolioState(drift, book.asOf(), household.lastRebalance(), cash, flows, book.market().vix()));
            for (AllocationDrift allocation : drift.allocations()) {
                facts.add(new ClassDrift(drift, allocation));
            }
        }
        for (Account account : household.accounts()) {
            for (TaxLot lot : account.lots()) {
                facts.add(new LotState(household.id(), account, lot,
                        book.securities().require(lot.symbol(), "lot " + lot.id()), book.asOf()));
            }
        }
        for (LifeEvent event : household.lifeEvents()) {
            facts.add(new LifeEventState(household.id(), event, book.asOf()));
        }
        return facts;
    }

    private static TriggerHit hit(Household household, FiredRule fired) {
        TriggerAction action = fired.outcome(TriggerAction.class).orElseThrow(() -> new IllegalStateException(
                "row " + fired.explanation().rule() + " fired without recording an action"));
        int priority = fired.intMetadata("priority").orElse(DEFAULT_PRIORITY);
        Optional<ClassDrift> classDrift = fired.fact(ClassDrift.class);
        Optional<LotState> lot = fired.fact(LotState.class);
        String scope = classDrift.map(ClassDrift::getScope)
                .or(() -> fired.fact(PortfolioState.class).map(PortfolioState::getScope))
                .or(() -> lot.map(l -> "account " + l.getAccountId()))
                .orElse("household " + household.id());
        return new TriggerHit(household.id(), scope, action, priority, fired.ruleId(),
                classDrift.map(ClassDrift::getAssetClass), lot.map(LotState::getLotId), fired.explanation());
    }
}
