package trimtab.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trimtab.engine.TestBooks;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.LotId;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;
import trimtab.engine.book.TradeSide;
import trimtab.engine.drift.AllocationDrift;
import trimtab.engine.lots.LotMethod;
import trimtab.engine.lots.LotRelief;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.taxpolicy.WashSaleScope;

/** Invariants of every proposal, over random households, lots, policies and modes. */
class TradePlannerProperties {
    private static final LocalDate AS_OF = TestBooks.AS_OF;
    private static final List<String> SYMBOLS = List.of("VTI", "BND", "VEA");
    private static final ModelPortfolio MODEL = new ModelPortfolio(ModelId.of("M"), "50/20/30", List.of(
            target(TestBooks.EQUITY, "50", "VTI"), target(AssetClass.of("INTL_DEVELOPED"), "20", "VEA"), target(TestBooks.BONDS, "30", "BND")));

    private static ModelTarget target(AssetClass assetClass, String pct, String primary) {
        return new ModelTarget(assetClass, new BigDecimal(pct), Optional.of(new BigDecimal("5")), Optional.of(new BigDecimal("25")),
                Optional.of(Symbol.of(primary)), List.of());
    }

    record LotSpec(int account, String symbol, int quantity, int costPerShare, int daysHeld) {
    }

    record AccountSpec(AccountType type, int cash) {
    }

    @Property(tries = 400)
    void proposals_keep_every_invariant(@ForAll("accounts") List<AccountSpec> accountSpecs, @ForAll("lots") List<LotSpec> lotSpecs,
                                        @ForAll("methods") LotMethod method, @ForAll("modes") RebalanceMode mode,
                                        @ForAll("budgets") int budget) {
        List<Account> accounts = new ArrayList<>();
        Map<AccountId, TaxPolicy> policies = new HashMap<>();
        for (int a = 0; a < accountSpecs.size(); a++) {
            AccountId id = AccountId.of("A" + a);
            List<TaxLot> lots = new ArrayList<>();
            for (int l = 0; l < lotSpecs.size(); l++) {
                LotSpec spec = lotSpecs.get(l);
                if (spec.account() % accountSpecs.size() == a) {
                    lots.add(new TaxLot(LotId.of(id + "-L" + l), Symbol.of(spec.symbol()), BigDecimal.valueOf(spec.quantity()),
                            BigDecimal.valueOf((long) spec.quantity() * spec.costPerShare()), AS_OF.minusDays(spec.daysHeld())));
                }
            }
            accounts.add(new Account(id, accountSpecs.get(a).type(), "SCHWAB", BigDecimal.valueOf(accountSpecs.get(a).cash()), false,
                    Set.of(), Set.of(), Set.of(), lots, Optional.empty(), Set.of()));
            policies.put(id, new TaxPolicy(id, method, BigDecimal.valueOf(budget), BigDecimal.valueOf(budget / 4), BigDecimal.TEN,
                    new BigDecimal("1000"), WashSaleScope.HOUSEHOLD, mode, List.of()));
        }
        Household household = new Household(HouseholdId.of("H"), "H", AdvisorId.of("A"),
                new TaxProfile(new BigDecimal("0.35"), new BigDecimal("0.15"), null, null, null), Optional.of(MODEL.id()),
                Optional.empty(), accounts, List.of(), List.of(), List.of(), List.of(), List.of());
        BookSnapshot book = new BookSnapshot(new MarketSnapshot(AS_OF, BigDecimal.TEN), TestBooks.securities(), List.of(MODEL),
                List.of(household), List.of());

        Proposal proposal = new TradePlanner(PlannerSettings.DEFAULTS).planHousehold(household, book, policies, mode);

        // replay the trades in order on the book: no short position, no overdraft, every relieved lot exists
        Map<String, BigDecimal> held = new HashMap<>();
        Map<String, BigDecimal> lotLeft = new HashMap<>();
        Map<String, BigDecimal> cash = new HashMap<>();
        for (Account account : accounts) {
            cash.put(account.id().value(), account.cash());
            account.lots().forEach(l -> {
                held.merge(account.id() + "/" + l.symbol(), l.quantity(), BigDecimal::add);
                lotLeft.put(l.id().value(), l.quantity());
            });
        }
        BigDecimal realised = BigDecimal.ZERO;
        for (ProposedTrade trade : proposal.trades()) {
            String position = trade.account() + "/" + trade.symbol();
            boolean sale = trade.side() == TradeSide.SELL;
            held.merge(position, sale ? trade.quantity().negate() : trade.quantity(), BigDecimal::add);
            cash.merge(trade.account().value(), sale ? trade.notional() : trade.notional().negate(), BigDecimal::add);
            assertThat(held.get(position)).as("position " + position).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(cash.get(trade.account().value())).as("cash of " + trade.account()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            for (LotRelief lot : trade.lots()) {
                BigDecimal left = lotLeft.get(lot.lot().value());
                assertThat(left).as("lot " + lot.lot() + " exists").isNotNull();
                assertThat(left).as("lot " + lot.lot() + " holds the shares").isGreaterThanOrEqualTo(lot.quantity());
                lotLeft.put(lot.lot().value(), left.subtract(lot.quantity()));
                realised = realised.add(lot.gain());
            }
            if (mode == RebalanceMode.BUY_ONLY) {
                assertThat(trade.side()).isEqualTo(TradeSide.BUY);
            }
            if (mode == RebalanceMode.SELL_ONLY) {
                assertThat(trade.side()).isEqualTo(TradeSide.SELL);
            }
        }
        assertThat(realised).as("realised gains within the budget").isLessThanOrEqualTo(BigDecimal.valueOf(budget));
        // no wash sale created: nothing the plan sells at a loss is bought back by the same plan
        Set<Symbol> soldAtALoss = new java.util.HashSet<>();
        Set<Symbol> bought = new java.util.HashSet<>();
        for (ProposedTrade trade : proposal.trades()) {
            if (trade.side() == TradeSide.SELL && trade.lots().stream().anyMatch(LotRelief::isLoss)) {
                soldAtALoss.add(trade.symbol());
            } else if (trade.side() == TradeSide.BUY) {
                bought.add(trade.symbol());
            }
        }
        bought.retainAll(soldAtALoss);
        assertThat(bought).as("bought after a loss sale of the same security").isEmpty();
        // a class outside its band never ends further from its target (cash moves as the residue of trades)
        for (AllocationDrift before : proposal.before().outOfBand()) {
            if (before.assetClass().isCash()) {
                continue;
            }
            AllocationDrift after = proposal.after().allocation(before.assetClass()).orElseThrow();
            assertThat(after.absoluteDriftPts().abs()).as(before.assetClass() + " drift")
                    .isLessThanOrEqualTo(before.absoluteDriftPts().abs());
        }
    }

    @Provide
    Arbitrary<List<AccountSpec>> accounts() {
        return Combinators.combine(Arbitraries.of(AccountType.TAXABLE, AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA, AccountType.TRUST),
                Arbitraries.integers().between(0, 30_000)).as(AccountSpec::new).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<LotSpec>> lots() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(SYMBOLS), Arbitraries.integers().between(1, 400),
                Arbitraries.integers().between(20, 500), Arbitraries.integers().between(1, 3000)).as(LotSpec::new).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<LotMethod> methods() {
        return Arbitraries.of(LotMethod.FIFO, LotMethod.LIFO, LotMethod.HIFO, LotMethod.TAX_OPTIMAL);
    }

    @Provide
    Arbitrary<RebalanceMode> modes() {
        return Arbitraries.of(RebalanceMode.class);
    }

    @Provide
    Arbitrary<Integer> budgets() {
        return Arbitraries.integers().between(0, 20_000);
    }
}
