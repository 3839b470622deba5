package trimtab.engine.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static trimtab.engine.TestBooks.AS_OF;
import static trimtab.engine.TestBooks.BONDS;
import static trimtab.engine.TestBooks.EQUITY;
import static trimtab.engine.TestBooks.lot;
import static trimtab.engine.TestBooks.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;
import trimtab.engine.book.WashSaleGroup;
import trimtab.engine.drift.PortfolioScope;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.GuardrailVocabulary;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.guardrail.Violation;
import trimtab.engine.planner.PlannerSettings;
import trimtab.engine.planner.Residual;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.RuleVocabulary;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicyResolver;
import trimtab.engine.trigger.TriggerAction;
import trimtab.engine.trigger.TriggerEvaluator;
import trimtab.engine.trigger.TriggerHit;
import trimtab.engine.trigger.TriggerVocabulary;

/**
 * The cycle on small households, with small workbooks of its own (test resources cycle-*.drl.csv): drift outside a
 * 5-pt band REBALANCEs (priority 3), VIX 30+ SUSPENDs (1), VIX 25-30 asks for REVIEW (2), a distribution due within
 * 30 days beyond the cash RAISEs CASH (2), cash 5+ pts above target INVESTs it (2), a taxable lot down 10 % and
 * 1,000.00 is HARVESTed (3). Tax policy: taxable accounts TO_BAND_EDGE, everything else TO_TARGET. Guardrails: a
 * price older than 3 business days BLOCKs, a short sale BLOCKs, a notional above 9,000.00 REQUIRES APPROVAL.
 */
class RebalanceCycleTest {
    private static final RebalanceCycle CYCLE = new RebalanceCycle(
            new TriggerEvaluator(new RuleSetCompiler(TriggerVocabulary.get()).compile(TableKind.TRIGGERS, 1, workbook("cycle-triggers.drl.csv"))),
            new TaxPolicyResolver(compile(TableKind.TAX_POLICY, TaxPolicyResolver.vocabulary(), "cycle-tax-policy.drl.csv")),
            new GuardrailScreener(compile(TableKind.GUARDRAILS, GuardrailVocabulary.get(), "cycle-guardrails.drl.csv")),
            PlannerSettings.DEFAULTS);

    private static final AssetClass INTL = AssetClass.of("INTL_DEVELOPED");
    /** 60 % VTI, 40 % BND (AGG as the alternate), 5-pt bands. */
    private static final ModelPortfolio SIXTY_FORTY = new ModelPortfolio(ModelId.of("EQ60_BD40"), "60/40", List.of(
            target(EQUITY, "60", "VTI"), target(BONDS, "40", "BND", "AGG")));

    // --- REBALANCE

    @Test
    void a_sixty_forty_household_at_67_33_is_rebalanced_to_the_band_edge_when_one_of_its_accounts_is_taxable() {
        // taxable 120 VTI = 40,200.00; IRA 80 VTI = 26,800.00 and 500 BND = 33,000.00: 67 / 33 of 100,000.00
        HouseholdOutcome outcome = CYCLE.run(book("16", sixtySevenThirtyThree())).get(0);

        assertThat(outcome.decision()).contains(TriggerAction.REBALANCE);
        assertThat(outcome.course()).isEqualTo(TradingCourse.AUTOMATED);
        assertThat(outcome.hits()).extracting(h -> h.ruleId() + " " + h.assetClass().orElse(""))
                .containsExactlyInAnyOrder("C-DRIFT-01 US_TOTAL_MARKET", "C-DRIFT-01 US_AGG_BOND");
        PortfolioOutcome sleeve = outcome.portfolios().get(0);
        // the IRA's policy is TO_TARGET, the taxable account's TO_BAND_EDGE: the sleeve takes the more cautious one
        assertThat(sleeve.scope()).isEqualTo(PortfolioScope.ofHousehold(HouseholdId.of("H-1")));
        assertThat(sleeve.mode()).isEqualTo(RebalanceMode.TO_BAND_EDGE);
        assertThat(sleeve.modeReason()).contains("C-TAX-TAXABLE-01").contains("account T").contains("most cautious");
        // upper edge 60 + 0.9 x 5 = 64.5 %: sell 2,500.00 of equity, in the IRA first (no tax): 7.46 shares, 7 (155.00
        // short) nearer than 8 (180.00 over): 7 VTI = 2,345.00. Lower edge 35.5 %: buy 2,500.00 of bonds with the
        // IRA's 2,345.00: 35.5 shares, 35 BND = 2,310.00. Both below 9,000.00: PASS.
        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "I SELL 7 VTI 2345.00 PASS [C-DRIFT-01]", "I BUY 35 BND 2310.00 PASS [C-DRIFT-01]");
        // equity 64,655.00 and bonds 35,310.00 of 100,000.00 after
        assertThat(sleeve.proposal().before().allocation(EQUITY).orElseThrow().weightPct()).isEqualByComparingTo("67");
        assertThat(sleeve.proposal().after().allocation(EQUITY).orElseThrow().weightPct()).isEqualByComparingTo("64.655");
        assertThat(sleeve.proposal().after().allocation(BONDS).orElseThrow().weightPct()).isEqualByComparingTo("35.31");
        assertThat(outcome.blocked()).isEmpty();
        assertThat(outcome.estimatedTax()).isEqualByComparingTo("0");
    }

    @Test
    void a_household_of_retirement_accounts_is_rebalanced_to_target() {
        // IRA 200 VTI = 67,000.00, 500 BND = 33,000.00. Sell 7,000.00: 20.9 shares, 21 (35.00 over) nearer than 20
        // (300.00 short): 21 VTI = 7,035.00; buy 7,000.00 of bonds: 106 BND = 6,996.00.
        HouseholdOutcome outcome = CYCLE.run(book("16", household(ira("0.00")))).get(0);

        assertThat(outcome.portfolios()).singleElement().satisfies(p -> assertThat(p.mode()).isEqualTo(RebalanceMode.TO_TARGET));
        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "I SELL 21 VTI 7035.00 PASS [C-DRIFT-01]", "I BUY 106 BND 6996.00 PASS [C-DRIFT-01]");
    }

    @Test
    void an_account_with_a_model_of_its_own_is_planned_on_its_own() {
        Account ira = new Account(AccountId.of("I"), AccountType.TRADITIONAL_IRA, "SCHWAB", BigDecimal.ZERO, false, Set.of(), Set.of(),
                Set.of(), ira("0.00").lots(), Optional.of(SIXTY_FORTY.id()), Set.of());
        Household household = new Household(HouseholdId.of("H-1"), "H", AdvisorId.of("ADV-1"), TaxProfile.NONE, Optional.empty(),
                Optional.of(AS_OF.minusDays(200)), List.of(ira), List.of(), List.of(), List.of(), List.of(), List.of());

        HouseholdOutcome outcome = CYCLE.run(book("16", household)).get(0);

        assertThat(outcome.portfolios()).singleElement().satisfies(p ->
                assertThat(p.scope()).isEqualTo(PortfolioScope.ofAccount(HouseholdId.of("H-1"), AccountId.of("I"))));
        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "I SELL 21 VTI 7035.00 PASS [C-DRIFT-01]", "I BUY 106 BND 6996.00 PASS [C-DRIFT-01]");
    }

    @Test
    void a_buy_the_guardrails_block_is_reported_and_replanned_with_the_classes_next_security() {
        // BND's last price is from 2026-11-17, five business days old: the guardrails block buying it. The planner
        // buys the alternate instead: 7,000.00 / 100.00 = 70 AGG.
        HouseholdOutcome outcome = CYCLE.run(book("16", LocalDate.of(2026, 11, 17), household(ira("0.00")))).get(0);

        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "I SELL 21 VTI 7035.00 PASS [C-DRIFT-01]", "I BUY 70 AGG 7000.00 PASS [C-DRIFT-01]");
        assertThat(outcome.blocked()).singleElement().satisfies(b -> {
            assertThat(describe(b)).isEqualTo("I BUY 106 BND 6996.00 BLOCK [C-DRIFT-01]");
            assertThat(b.replannedAround()).isTrue();
            assertThat(b.screening().violations()).extracting(Violation::ruleId).containsExactly("C-DATA-STALE-01");
        });
        assertThat(outcome.allTrades()).hasSize(3);
    }

    // --- no trigger, SUSPEND, REVIEW

    @Test
    void a_household_in_balance_gets_no_trades() {
        // IRA 180 VTI = 60,300.00 and 600 BND = 39,600.00, 100.00 cash: 60.3 / 39.6 / 0.1
        HouseholdOutcome outcome = CYCLE.run(book("16", household(balancedIra()))).get(0);

        assertThat(outcome.hits()).isEmpty();
        assertThat(outcome.decision()).isEmpty();
        assertThat(outcome.course()).isEqualTo(TradingCourse.NO_TRADES);
        assertThat(outcome.portfolios()).isEmpty();
        assertThat(outcome.trades()).isEmpty();
    }

    @Test
    void with_the_vix_at_30_or_more_the_trades_are_planned_but_every_one_waits_for_an_advisor() {
        HouseholdOutcome outcome = CYCLE.run(book("31", sixtySevenThirtyThree())).get(0);

        assertThat(outcome.decision()).contains(TriggerAction.SUSPEND);
        assertThat(outcome.course()).isEqualTo(TradingCourse.HELD_FOR_APPROVAL);
        assertThat(outcome.holdingHits()).extracting(TriggerHit::ruleId).containsExactly("C-VIX-SUSPEND-01");
        // the same trades as at VIX 16, which the guardrails pass, held for approval
        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "I SELL 7 VTI 2345.00 REQUIRE_APPROVAL [C-DRIFT-01]", "I BUY 35 BND 2310.00 REQUIRE_APPROVAL [C-DRIFT-01]");
        assertThat(outcome.trades()).allSatisfy(t -> {
            assertThat(t.screening().verdict()).isEqualTo(Verdict.PASS);
            assertThat(t.heldBecause()).hasValueSatisfying(why -> assertThat(why)
                    .startsWith("automated trading is suspended (C-VIX-SUSPEND-01): The VIX is 31")
                    .contains("automated trading for household H-1 is suspended"));
        });
    }

    @Test
    void a_review_holds_the_trades_for_approval_too() {
        HouseholdOutcome outcome = CYCLE.run(book("27", sixtySevenThirtyThree())).get(0);

        assertThat(outcome.decision()).contains(TriggerAction.REVIEW);
        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "I SELL 7 VTI 2345.00 REQUIRE_APPROVAL [C-DRIFT-01]", "I BUY 35 BND 2310.00 REQUIRE_APPROVAL [C-DRIFT-01]");
        assertThat(outcome.trades().get(0).heldBecause()).hasValueSatisfying(why ->
                assertThat(why).startsWith("the household needs an advisor's review before trading (C-VIX-REVIEW-01)"));
    }

    @Test
    void a_suspension_without_any_trading_hit_proposes_nothing() {
        HouseholdOutcome outcome = CYCLE.run(book("31", household(balancedIra()))).get(0);

        assertThat(outcome.decision()).contains(TriggerAction.SUSPEND);
        assertThat(outcome.course()).isEqualTo(TradingCourse.NO_TRADES);
        assertThat(outcome.holdingHits()).extracting(TriggerHit::ruleId).containsExactly("C-VIX-SUSPEND-01");
        assertThat(outcome.trades()).isEmpty();
    }

    // --- RAISE_CASH, INVEST_CASH, HARVEST

    @Test
    void raising_cash_only_sells() {
        // IRA at 67 / 33 with no cash and 5,000.00 to pay out in 10 days: RAISE_CASH (priority 2) before the drift rows.
        // Sell-only: equity down to its 60,000.00 target, 21 VTI = 7,035.00; bonds stay 7 pts under target.
        Household household = new Household(HouseholdId.of("H-1"), "H", AdvisorId.of("ADV-1"), TaxProfile.NONE,
                Optional.of(SIXTY_FORTY.id()), Optional.of(AS_OF.minusDays(200)), List.of(ira("0.00")),
                List.of(new CashFlow(AccountId.of("I"), AS_OF.plusDays(10), new BigDecimal("-5000.00"), "required distribution")),
                List.of(), List.of(), List.of(), List.of());

        HouseholdOutcome outcome = CYCLE.run(book("16", household)).get(0);

        assertThat(outcome.decision()).contains(TriggerAction.RAISE_CASH);
        assertThat(outcome.portfolios().get(0).mode()).isEqualTo(RebalanceMode.SELL_ONLY);
        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "I SELL 21 VTI 7035.00 PASS [C-CASH-OUT-01, C-DRIFT-01]");
        assertThat(outcome.portfolios().get(0).proposal().residuals()).extracting(Residual::assetClass, Residual::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(BONDS, "sell-only mode: nothing is bought"));
    }

    @Test
    void investing_cash_only_buys_and_a_large_buy_needs_approval() {
        // IRA 180 VTI = 60,300.00, 450 BND = 29,700.00, cash 10,000.00: cash 10 pts above its 0 % target, so
        // INVEST_CASH (priority 2) decides. Buy-only: bonds short of their 40,000.00 target by 10,300.00; 10,000.00 of
        // cash buys 151 BND = 9,966.00, above the 9,000.00 that needs approval. Nothing is sold.
        Account ira = account("I", AccountType.TRADITIONAL_IRA, "10000.00", lot("I1", "VTI", "180", "36000.00", LocalDate.of(2020, 3, 2)),
                lot("I2", "BND", "450", "32000.00", LocalDate.of(2020, 3, 2)));

        HouseholdOutcome outcome = CYCLE.run(book("16", household(ira))).get(0);

        assertThat(outcome.decision()).contains(TriggerAction.INVEST_CASH);
        assertThat(outcome.course()).isEqualTo(TradingCourse.AUTOMATED);
        assertThat(outcome.portfolios().get(0).mode()).isEqualTo(RebalanceMode.BUY_ONLY);
        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "I BUY 151 BND 9966.00 REQUIRE_APPROVAL [C-CASH-IDLE-01, C-DRIFT-01]");
        assertThat(outcome.trades().get(0).heldBecause()).isEmpty();
        assertThat(outcome.trades().get(0).screening().violations()).extracting(Violation::ruleId).containsExactly("C-TRADE-MAX-01");
    }

    @Test
    void a_harvest_sells_the_losing_lot_and_buys_a_substitute_from_another_wash_sale_group() {
        // In balance: 558 VTI = 186,930.00 (60.0 %), 800 VEA = 46,720.00 (15.0 %), 1,180 BND = 77,880.00 (25.0 %).
        // VEA bought at 51,920.00 is down 5,200.00 (10.02 %): harvest. 46,720.00 / 85.10 = 549.0: 549 IEFA = 46,719.90.
        ModelPortfolio model = new ModelPortfolio(ModelId.of("M3"), "60/15/25", List.of(target(EQUITY, "60", "VTI"),
                target(INTL, "15", "VEA", "IEFA"), target(BONDS, "25", "BND")));
        Account taxable = account("T", AccountType.TAXABLE, "0.00", lot("T1", "VTI", "558", "150000.00", LocalDate.of(2020, 1, 6)),
                lot("T2", "VEA", "800", "51920.00", LocalDate.of(2025, 2, 18)), lot("T3", "BND", "1180", "80000.00", LocalDate.of(2021, 4, 1)));
        Household household = new Household(HouseholdId.of("H-1"), "H", AdvisorId.of("ADV-1"),
                new TaxProfile(new BigDecimal("0.35"), new BigDecimal("0.15"), null, null, null), Optional.of(model.id()),
                Optional.of(AS_OF.minusDays(200)), List.of(taxable), List.of(), List.of(), List.of(), List.of(), List.of());
        BookSnapshot book = new BookSnapshot(new MarketSnapshot(AS_OF, new BigDecimal("16")), securities(AS_OF), List.of(model),
                List.of(household), List.of());

        HouseholdOutcome outcome = CYCLE.run(book).get(0);

        assertThat(outcome.decision()).contains(TriggerAction.HARVEST);
        assertThat(outcome.portfolios().get(0).mode()).isEqualTo(RebalanceMode.TO_BAND_EDGE);
        assertThat(outcome.trades()).extracting(RebalanceCycleTest::describe).containsExactly(
                "T SELL 800 VEA 46720.00 REQUIRE_APPROVAL [C-TLH-01]", "T BUY 549 IEFA 46719.90 REQUIRE_APPROVAL [C-TLH-01]");
        assertThat(outcome.harvestedLosses()).isEqualByComparingTo("5200.00");
        assertThat(outcome.realisedLongTerm()).isEqualByComparingTo("-5200.00");
        assertThat(outcome.estimatedTax()).isEqualByComparingTo("0");
    }

    // --- fixtures

    private static String describe(TradeOutcome t) {
        return t.trade().account() + " " + t.trade().side() + " " + t.trade().quantity().toPlainString() + " " + t.trade().symbol()
                + " " + t.trade().notional().toPlainString() + " " + t.verdict() + " " + t.trade().triggeredBy();
    }

    private static Household sixtySevenThirtyThree() {
        return household(account("T", AccountType.TAXABLE, "0.00", lot("T1", "VTI", "120", "30132.00", LocalDate.of(2023, 1, 9))),
                account("I", AccountType.TRADITIONAL_IRA, "0.00", lot("I1", "VTI", "80", "20088.00", LocalDate.of(2022, 5, 2)),
                        lot("I2", "BND", "500", "36200.00", LocalDate.of(2022, 5, 2))));
    }

    /** 200 VTI = 67,000.00 and 500 BND = 33,000.00. */
    private static Account ira(String cash) {
        return account("I", AccountType.TRADITIONAL_IRA, cash, lot("I1", "VTI", "200", "40000.00", LocalDate.of(2019, 5, 6)),
                lot("I2", "BND", "500", "36000.00", LocalDate.of(2019, 5, 6)));
    }

    private static Account balancedIra() {
        return account("I", AccountType.TRADITIONAL_IRA, "100.00", lot("I1", "VTI", "180", "36000.00", LocalDate.of(2019, 5, 6)),
                lot("I2", "BND", "600", "43000.00", LocalDate.of(2019, 5, 6)));
    }

    private static Household household(Account... accounts) {
        return new Household(HouseholdId.of("H-1"), "H", AdvisorId.of("ADV-1"),
                new TaxProfile(new BigDecimal("0.35"), new BigDecimal("0.15"), null, null, null), Optional.of(SIXTY_FORTY.id()),
                Optional.of(AS_OF.minusDays(200)), List.of(accounts), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static BookSnapshot book(String vix, Household household) {
        return book(vix, AS_OF, household);
    }

    private static BookSnapshot book(String vix, LocalDate bndPriceDate, Household household) {
        return new BookSnapshot(new MarketSnapshot(AS_OF, new BigDecimal(vix)), securities(bndPriceDate), List.of(SIXTY_FORTY),
                List.of(household), List.of());
    }

    /** VTI 335.00, BND 66.00 (priced on the date given), AGG 100.00, VEA 58.40, IEFA 85.10. */
    private static SecurityMaster securities(LocalDate bndPriceDate) {
        return new SecurityMaster(List.of(security("VTI", EQUITY, "335.00", "CRSP_US_TOTAL"),
                new Security(Symbol.of("BND"), "BND", SecurityType.ETF, BONDS, "issuer", "diversified", Set.of(),
                        new WashSaleGroup("BBG_US_AGG_FLOAT_ADJ"), new BigDecimal("66.00"), bndPriceDate),
                security("AGG", BONDS, "100.00", "BBG_US_AGG"),
                security("VEA", INTL, "58.40", "FTSE_DEV_ALLCAP_XUS"),
                security("IEFA", INTL, "85.10", "MSCI_EAFE_IMI")));
    }

    private static Account account(String id, AccountType type, String cash, TaxLot... lots) {
        return trimtab.engine.TestBooks.account(id, type, cash, lots);
    }

    private static ModelTarget target(AssetClass assetClass, String pct, String primary, String... alternates) {
        return new ModelTarget(assetClass, new BigDecimal(pct), Optional.of(new BigDecimal("5")), Optional.empty(),
                Optional.of(Symbol.of(primary)), List.of(alternates).stream().map(Symbol::of).toList());
    }

    private static trimtab.engine.rules.CompiledRuleSet compile(TableKind kind, RuleVocabulary vocabulary, String name) {
        return new RuleSetCompiler(vocabulary).compile(kind, 1, workbook(name));
    }

    private static Workbook workbook(String name) {
        try (InputStream in = RebalanceCycleTest.class.getResourceAsStream("/workbooks/" + name)) {
            return new Workbook(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
