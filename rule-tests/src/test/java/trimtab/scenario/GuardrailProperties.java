package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.LotId;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.OrderRequest;
import trimtab.engine.guardrail.OrderVerdict;
import trimtab.engine.guardrail.ScreeningResult;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.rules.TableKind;
import trimtab.rules.ShippedRules;

/**
 * Whatever the batch, the orders the shipped guardrails let through (every verdict but BLOCK), executed
 * sells first, never overdraw an account and never sell a share the account does not hold.
 */
class GuardrailProperties {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    private static final List<String> SYMBOLS = List.of("VTI", "BND", "VEA", "SGOV");
    private static final SecurityMaster SECURITIES = new SecurityMaster(ShippedRules.referenceData().securities());
    private static final GuardrailScreener SCREENER = new GuardrailScreener(ShippedScenarios.compiled(TableKind.GUARDRAILS));

    record Holding(String account, String symbol, int quantity) {
    }

    @Property(tries = 300)
    void orders_let_through_never_overdraw_or_sell_short(@ForAll("cash") List<Integer> cashByAccount,
                                                          @ForAll("holdings") List<Holding> holdings,
                                                          @ForAll("orders") List<OrderRequest> orders) {
        BookSnapshot book = book(cashByAccount, holdings);
        ScreeningResult result = SCREENER.screen(orders, book);

        Map<String, BigDecimal> cash = new HashMap<>();
        Map<String, BigDecimal> held = new HashMap<>();
        for (Household household : book.households()) {
            for (Account account : household.accounts()) {
                cash.put(account.id().value(), account.cash());
                account.lots().forEach(l -> held.merge(account.id().value() + "/" + l.symbol(), l.quantity(), BigDecimal::add));
            }
        }
        List<OrderRequest> executed = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderVerdict verdict = result.verdicts().get(i);
            if (verdict.verdict() != Verdict.BLOCK) {
                executed.add(orders.get(i));
            }
        }
        for (String side : List.of("SELL", "BUY")) {
            for (OrderRequest order : executed) {
                if (!order.side().equals(side)) {
                    continue;
                }
                BigDecimal quantity = new BigDecimal(order.quantity());
                BigDecimal price = SECURITIES.find(Symbol.of(order.symbol())).orElseThrow().price();
                BigDecimal notional = quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
                String position = order.account() + "/" + order.symbol();
                if (side.equals("SELL")) {
                    held.merge(position, quantity.negate(), BigDecimal::add);
                    cash.merge(order.account(), notional, BigDecimal::add);
                } else {
                    held.merge(position, quantity, BigDecimal::add);
                    cash.merge(order.account(), notional.negate(), BigDecimal::add);
                }
            }
        }
        assertThat(cash.values()).as("cash after the orders let through").allSatisfy(c -> assertThat(c).isGreaterThanOrEqualTo(BigDecimal.ZERO));
        assertThat(held.values()).as("positions after the orders let through").allSatisfy(q -> assertThat(q).isGreaterThanOrEqualTo(BigDecimal.ZERO));
    }

    private static BookSnapshot book(List<Integer> cashByAccount, List<Holding> holdings) {
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < cashByAccount.size(); a++) {
            String id = "A" + a;
            List<TaxLot> lots = new ArrayList<>();
            for (int h = 0; h < holdings.size(); h++) {
                Holding holding = holdings.get(h);
                if (holding.account().equals(id)) {
                    lots.add(new TaxLot(LotId.of(id + "-L" + h), Symbol.of(holding.symbol()), BigDecimal.valueOf(holding.quantity()),
                            BigDecimal.valueOf(holding.quantity() * 50L), AS_OF.minusYears(2)));
                }
            }
            accounts.add(new Account(AccountId.of(id), a == 0 ? AccountType.TRADITIONAL_IRA : AccountType.ROTH_IRA, "SCHWAB",
                    BigDecimal.valueOf(cashByAccount.get(a)), false, Set.of(), Set.of(), Set.of(), lots, Optional.empty(), Set.of()));
        }
        Household household = new Household(HouseholdId.of("H-P"), "P", AdvisorId.of("ADV-1"), null, Optional.empty(),
                Optional.empty(), accounts, List.of(), List.of(), List.of(), List.of(), List.of());
        return new BookSnapshot(new MarketSnapshot(AS_OF, new BigDecimal("16.00")), SECURITIES, List.of(), List.of(household), List.of());
    }

    @Provide
    Arbitrary<List<Integer>> cash() {
        return Arbitraries.integers().between(0, 20_000).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Holding>> holdings() {
        return Combinators.combine(Arbitraries.of("A0", "A1", "A2"), Arbitraries.of(SYMBOLS), Arbitraries.integers().between(1, 200))
                .as(Holding::new).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<OrderRequest>> orders() {
        Arbitrary<OrderRequest> order = Combinators.combine(Arbitraries.of("A0", "A1", "A2"), Arbitraries.of(SYMBOLS),
                Arbitraries.of("BUY", "SELL"), Arbitraries.integers().between(1, 150))
                .as((account, symbol, side, quantity) -> new OrderRequest(null, account, symbol, side, String.valueOf(quantity), null, false));
        return order.list().ofMinSize(1).ofMaxSize(8);
    }
}
