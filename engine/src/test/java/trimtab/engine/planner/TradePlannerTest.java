package trimtab.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.engine.TestBooks.AS_OF;
import static trimtab.engine.TestBooks.BONDS;
import static trimtab.engine.TestBooks.EQUITY;
import static trimtab.engine.TestBooks.lot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import trimtab.engine.TestBooks;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;
import trimtab.engine.book.TradeSide;
import trimtab.engine.lots.LotMethod;
import trimtab.engine.lots.Term;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.taxpolicy.WashSaleScope;

/** A 60/40 household at 67/33 (VTI 335.00, BND 66.00), planned by hand. */
class TradePlannerTest {
    private static final TradePlanner PLANNER = new TradePlanner(PlannerSettings.DEFAULTS);
    private static final ModelPortfolio MODEL = new ModelPortfolio(ModelId.of("EQ60_BD40"), "60/40", List.of(
            new ModelTarget(EQUITY, new BigDecimal("60"), Optional.of(new BigDecimal("5")), Optional.of(new BigDecimal("25")),
                    Optional.of(Symbol.of("VTI")), List.of()),
            new ModelTarget(BONDS, new BigDecimal("40"), Optional.of(new BigDecimal("5")), Optional.of(new BigDecimal("25")),
                    Optional.of(Symbol.of("BND")), List.of())));

    private static Account account(String id, AccountType type, String cash, TaxLot... lots) {
        return new Account(AccountId.of(id), type, "SCHWAB", new BigDecimal(cash), false, Set.of(), Set.of(), Set.of(),
                List.of(lots), Optional.empty(), Set.of());
    }

    private static TaxPolicy policy(String account, LotMethod method, String budget) {
        return new TaxPolicy(AccountId.of(account), method, new BigDecimal(budget), BigDecimal.ZERO, BigDecimal.TEN,
                new BigDecimal("1000"), WashSaleScope.HOUSEHOLD, RebalanceMode.TO_TARGET, List.of());
    }

    private static Proposal plan(RebalanceMode mode, List<ExecutedTrade> trades, Map<AccountId, TaxPolicy> policies, Account... accounts) {
        Household household = new Household(HouseholdId.of("H-1"), "H", AdvisorId.of("ADV-1"),
                new TaxProfile(new BigDecimal("0.35"), new BigDecimal("0.15"), null, null, null), Optional.of(MODEL.id()),
                Optional.of(AS_OF.minusDays(200)), List.of(accounts), List.of(), List.of(), List.of(), List.of(), trades);
        BookSnapshot book = new BookSnapshot(new MarketSnapshot(AS_OF, new BigDecimal("16")), TestBooks.securities(), List.of(MODEL),
                List.of(household), List.of());
        return PLANNER.planHousehold(household, book, policies, mode);
    }

    /** Taxable 120 VTI = 40,200.00; IRA 80 VTI = 26,800.00 and 500 BND = 33,000.00: 67 / 33 of 100,000.00. */
    private static Proposal sixtySevenThirtyThree(RebalanceMode mode) {
        return plan(mode, List.of(), Map.of(AccountId.of("T"), policy("T", LotMethod.HIFO, "15000")),
                account("T", AccountType.TAXABLE, "0.00", lot("T1", "VTI", "120", "30132.00", LocalDate.of(2023, 1, 9))),
                account("I", AccountType.TRADITIONAL_IRA, "0.00", lot("I1", "VTI", "80", "20088.00", LocalDate.of(2022, 5, 2)),
                        lot("I2", "BND", "500", "36200.00", LocalDate.of(2022, 5, 2))));
    }

    private static String describe(ProposedTrade t) {
        return t.account() + " " + t.side() + " " + t.quantity().toPlainString() + " " + t.symbol() + " " + t.notional().toPlainString();
    }

    @Test
    void to_target_sells_in_the_ira_first_and_buys_bonds_with_the_proceeds_there() {
        Proposal proposal = sixtySevenThirtyThree(RebalanceMode.TO_TARGET);

        // sell 7,000.00 of equity: 21 VTI (20.9 rounded up) = 7,035.00 in the IRA, realising nothing;
        // buy 7,000.00 of bonds with the IRA's cash: 106 BND = 6,996.00
        assertThat(proposal.trades()).extracting(TradePlannerTest::describe)
                .containsExactly("I SELL 21 VTI 7035.00", "I BUY 106 BND 6996.00");
        // after: equity 59,965.00, bonds 39,996.00, cash 39.00
        assertThat(proposal.after().allocation(EQUITY).orElseThrow().weightPct()).isEqualByComparingTo("59.965");
        assertThat(proposal.after().allocation(BONDS).orElseThrow().weightPct()).isEqualByComparingTo("39.996");
        assertThat(proposal.realisedShortTerm()).isEqualByComparingTo("0");
        assertThat(proposal.realisedLongTerm()).isEqualByComparingTo("0");
        assertThat(proposal.estimatedTax()).isEqualByComparingTo("0");
        assertThat(proposal.residuals()).isEmpty();
    }

    @Test
    void to_band_edge_trades_only_to_just_inside_the_band() {
        Proposal proposal = sixtySevenThirtyThree(RebalanceMode.TO_BAND_EDGE);

        // upper edge 60 + 0.9 x 5 = 64.5 %: sell 2,500.00 of equity; 7.46 shares: 7 (155.00 short) is nearer than
        // 8 (180.00 over): 7 VTI = 2,345.00. Lower edge 35.5 %: buy 2,500.00 of bonds with 2,345.00: 35 BND = 2,310.00.
        assertThat(proposal.trades()).extracting(TradePlannerTest::describe)
                .containsExactly("I SELL 7 VTI 2345.00", "I BUY 35 BND 2310.00");
        assertThat(proposal.after().allocation(EQUITY).orElseThrow().weightPct()).isEqualByComparingTo("64.655");
        assertThat(proposal.after().allocation(BONDS).orElseThrow().weightPct()).isEqualByComparingTo("35.31");
        assertThat(proposal.after().outOfBand()).isEmpty();
    }

    @Test
    void when_the_gain_budget_binds_it_sells_less_and_reports_the_residual_drift() {
        // Taxable only: 200 VTI bought at 100.00 (gain 235.00 a share), 500 BND at 66.00. Budget 1,000.00:
        // at most 4 shares (940.00 of long-term gain), 1,340.00 of proceeds, 20 BND = 1,320.00.
        Proposal proposal = plan(RebalanceMode.TO_TARGET, List.of(), Map.of(AccountId.of("T"), policy("T", LotMethod.HIFO, "1000")),
                account("T", AccountType.TAXABLE, "0.00", lot("T1", "VTI", "200", "20000.00", LocalDate.of(2020, 3, 2)),
                        lot("T2", "BND", "500", "33000.00", LocalDate.of(2021, 3, 2))));

        assertThat(proposal.trades()).extracting(TradePlannerTest::describe)
                .containsExactly("T SELL 4 VTI 1340.00", "T BUY 20 BND 1320.00");
        assertThat(proposal.trades().get(0).lots()).singleElement().satisfies(l -> {
            assertThat(l.gain()).isEqualByComparingTo("940.00");
            assertThat(l.term()).isEqualTo(Term.LONG);
        });
        assertThat(proposal.realisedLongTerm()).isEqualByComparingTo("940.00");
        assertThat(proposal.estimatedTax()).isEqualByComparingTo("141.00");
        // equity 65,660.00 (+5.66 pts) and bonds 34,320.00 (-5.68 pts) stay outside their bands
        Map<String, String> residuals = proposal.residuals().stream()
                .collect(Collectors.toMap(r -> r.assetClass().code(), Residual::reason));
        assertThat(residuals.get("US_TOTAL_MARKET")).isEqualTo("the annual gain budget of 1000 would be exceeded");
        assertThat(residuals.get("US_AGG_BOND")).startsWith("the accounts that can buy it lack the cash");
    }

    @Test
    void a_loss_sale_is_not_proposed_when_the_same_fund_was_bought_within_30_days() {
        // Taxable VTI bought at 400.00 (a loss at 335.00); 5 VTI bought 12 days ago: selling at a loss would be a wash sale.
        ExecutedTrade recent = new ExecutedTrade(AccountId.of("T"), Symbol.of("VTI"), TradeSide.BUY, new BigDecimal("5"),
                new BigDecimal("330.00"), AS_OF.minusDays(12), Optional.empty());
        Proposal proposal = plan(RebalanceMode.TO_TARGET, List.of(recent), Map.of(AccountId.of("T"), policy("T", LotMethod.HIFO, "15000")),
                account("T", AccountType.TAXABLE, "0.00", lot("T1", "VTI", "200", "80000.00", LocalDate.of(2024, 3, 4)),
                        lot("T2", "BND", "500", "33000.00", LocalDate.of(2021, 3, 2))));

        assertThat(proposal.trades()).isEmpty();
        assertThat(proposal.residuals()).extracting(Residual::reason)
                .contains("selling at a loss would be a wash sale: the same securities were bought within 30 days");
    }

    @Test
    void a_lot_beyond_the_harvest_thresholds_is_sold_and_replaced_by_a_substitute_from_another_group() {
        // 800 VEA bought at 64.90 (51,920.00), now 58.40: 46,720.00, a 5,200.00 (10.02 %) long-term loss.
        // Policy thresholds 10 % and 1,000.00: harvest. IEFA (another index, another wash-sale group) at 85.10:
        // 46,720.00 / 85.10 = 549.0 -> 549 IEFA = 46,719.90; 0.10 stays in cash. Swap back from 2026-12-25 (day 31).
        AssetClass intl = AssetClass.of("INTL_DEVELOPED");
        List<trimtab.engine.book.Security> securities = new java.util.ArrayList<>(TestBooks.securities().all());
        securities.add(TestBooks.security("IEFA", intl, "85.10", "MSCI_EAFE_IMI"));
        ModelPortfolio model = new ModelPortfolio(ModelId.of("M3"), "60/15/25", List.of(
                new ModelTarget(EQUITY, new BigDecimal("60"), Optional.of(new BigDecimal("5")), Optional.empty(), Optional.of(Symbol.of("VTI")), List.of()),
                new ModelTarget(intl, new BigDecimal("15"), Optional.of(new BigDecimal("5")), Optional.empty(), Optional.of(Symbol.of("VEA")),
                        List.of(Symbol.of("IEFA"))),
                new ModelTarget(BONDS, new BigDecimal("25"), Optional.of(new BigDecimal("5")), Optional.empty(), Optional.of(Symbol.of("BND")), List.of())));
        // in balance: 558 VTI = 186,930.00 (60.00 %), VEA 46,720.00 (15.00 %), 1,180 BND = 77,880.00 (25.00 %) of 311,530.00
        Account taxable = account("T", AccountType.TAXABLE, "0.00", lot("T1", "VTI", "558", "150000.00", LocalDate.of(2020, 1, 6)),
                lot("T2", "VEA", "800", "51920.00", LocalDate.of(2025, 2, 18)), lot("T3", "BND", "1180", "80000.00", LocalDate.of(2021, 4, 1)));
        Household household = new Household(HouseholdId.of("H-1"), "H", AdvisorId.of("ADV-1"),
                new TaxProfile(new BigDecimal("0.35"), new BigDecimal("0.15"), null, null, null), Optional.of(model.id()),
                Optional.of(AS_OF.minusDays(200)), List.of(taxable), List.of(), List.of(), List.of(), List.of(), List.of());
        BookSnapshot book = new BookSnapshot(new MarketSnapshot(AS_OF, new BigDecimal("16")), new trimtab.engine.book.SecurityMaster(securities),
                List.of(model), List.of(household), List.of());

        Proposal proposal = PLANNER.planHousehold(household, book, Map.of(AccountId.of("T"), policy("T", LotMethod.HIFO, "15000")),
                RebalanceMode.TO_TARGET);

        assertThat(proposal.trades()).extracting(TradePlannerTest::describe)
                .containsExactly("T SELL 800 VEA 46720.00", "T BUY 549 IEFA 46719.90");
        assertThat(proposal.harvestedLosses()).isEqualByComparingTo("5200.00");
        assertThat(proposal.realisedLongTerm()).isEqualByComparingTo("-5200.00");
        assertThat(proposal.estimatedTax()).isEqualByComparingTo("0");
        assertThat(proposal.swapBacks()).singleElement().satisfies(swap -> {
            assertThat(swap.substitute()).isEqualTo(Symbol.of("IEFA"));
            assertThat(swap.original()).isEqualTo(Symbol.of("VEA"));
            assertThat(swap.notBefore()).isEqualTo(LocalDate.of(2026, 12, 25));
        });
        assertThat(proposal.after().outOfBand()).isEmpty();
    }

    @Test
    void an_account_with_its_own_model_is_planned_on_its_own() {
        // Roth with its own 60/40 model: 200 VTI = 67,000.00 and 500 BND = 33,000.00. The household's taxable
        // account (no household model) is not touched. Sell 21 VTI = 7,035.00; buy 106 BND = 6,996.00.
        Account roth = new Account(AccountId.of("R"), AccountType.ROTH_IRA, "SCHWAB", BigDecimal.ZERO, false, Set.of(), Set.of(), Set.of(),
                List.of(lot("R1", "VTI", "200", "40000.00", LocalDate.of(2019, 5, 6)), lot("R2", "BND", "500", "36000.00", LocalDate.of(2019, 5, 6))),
                Optional.of(MODEL.id()), Set.of());
        Account taxable = account("T", AccountType.TAXABLE, "500.00", lot("T1", "VTI", "10", "2000.00", LocalDate.of(2019, 5, 6)));
        Household household = new Household(HouseholdId.of("H-2"), "H", AdvisorId.of("ADV-1"), null, Optional.empty(), Optional.empty(),
                List.of(roth, taxable), List.of(), List.of(), List.of(), List.of(), List.of());
        BookSnapshot book = new BookSnapshot(new MarketSnapshot(AS_OF, new BigDecimal("16")), TestBooks.securities(), List.of(MODEL),
                List.of(household), List.of());

        Proposal proposal = PLANNER.planAccount(household, AccountId.of("R"), book, Map.of(), RebalanceMode.TO_TARGET);

        assertThat(proposal.trades()).extracting(TradePlannerTest::describe).containsExactly("R SELL 21 VTI 7035.00", "R BUY 106 BND 6996.00");
        assertThat(proposal.before().scope().toString()).isEqualTo("account R");
    }

    @Test
    void the_wash_sale_scope_decides_whether_a_purchase_in_another_account_counts() {
        // VTI bought at 400.00 in the taxable account (a 65.00 loss a share at 335.00); 5 VTI bought in the IRA
        // 12 days ago. Household scope: selling at a loss would be a wash sale, so nothing is sold. Account scope:
        // the IRA purchase does not count: sell 21 VTI (a 1,365.00 long-term loss) and buy 106 BND.
        ExecutedTrade iraPurchase = new ExecutedTrade(AccountId.of("I"), Symbol.of("VTI"), TradeSide.BUY, new BigDecimal("5"),
                new BigDecimal("330.00"), AS_OF.minusDays(12), Optional.empty());
        Account taxable = account("T", AccountType.TAXABLE, "0.00", lot("T1", "VTI", "200", "80000.00", LocalDate.of(2024, 3, 4)),
                lot("T2", "BND", "500", "33000.00", LocalDate.of(2021, 3, 2)));
        Account ira = account("I", AccountType.TRADITIONAL_IRA, "0.00");

        Proposal household = plan(RebalanceMode.TO_TARGET, List.of(iraPurchase),
                Map.of(AccountId.of("T"), scoped(WashSaleScope.HOUSEHOLD)), taxable, ira);
        Proposal account = plan(RebalanceMode.TO_TARGET, List.of(iraPurchase),
                Map.of(AccountId.of("T"), scoped(WashSaleScope.ACCOUNT)), taxable, ira);

        assertThat(household.trades()).isEmpty();
        assertThat(account.trades()).extracting(TradePlannerTest::describe).containsExactly("T SELL 21 VTI 7035.00", "T BUY 106 BND 6996.00");
        assertThat(account.realisedLongTerm()).isEqualByComparingTo("-1365.00");
    }

    private static TaxPolicy scoped(WashSaleScope scope) {
        return new TaxPolicy(AccountId.of("T"), LotMethod.HIFO, new BigDecimal("15000"), BigDecimal.ZERO, new BigDecimal("50"),
                new BigDecimal("100000"), scope, RebalanceMode.TO_TARGET, List.of());
    }
}
