package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.bookfile.BookYaml;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.guardrail.Violation;
import trimtab.engine.planner.PlannerSettings;
import trimtab.engine.planner.ProposedTrade;
import trimtab.engine.planner.ScreenedPlanner;
import trimtab.engine.planner.ScreenedProposal;
import trimtab.engine.planner.TradePlanner;
import trimtab.engine.rules.TableKind;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.rules.ShippedRules;

/** The planner's proposal goes through the shipped guardrails, and the planner re-plans around what they block. */
class ScreenedPlannerTest {

    // IRA: 220 VTI x 300.00 = 66,000.00; 440 BND x 75.00 = 33,000.00; cash 1,000.00: 66 / 33 / 1 of 100,000.00.
    // BND's last price is from 2026-11-17, five business days before 2026-11-24: stale for the guardrails.
    private static final String BOOK = """
            asOf: 2026-11-24
            vix: 16.00
            prices: { VTI: 300.00, AGG: 100.00 }
            securities:
              - { symbol: BND, name: Vanguard Total Bond Market ETF, type: ETF, assetClass: US_AGG_BOND, issuer: Vanguard,
                  washSaleGroup: BBG_US_AGG_FLOAT_ADJ, price: 75.00, priceDate: 2026-11-17 }
            models:
              - id: EQ60_BD40
                targets:
                  - { assetClass: US_TOTAL_MARKET, target: 60, absoluteBand: 5, relativeBand: 25, primary: VTI }
                  - { assetClass: US_AGG_BOND, target: 40, absoluteBand: 5, relativeBand: 25, primary: BND, alternates: [AGG] }
            households:
              - id: H-1
                advisor: ADV-1
                model: EQ60_BD40
                accounts:
                  - id: IRA-1
                    type: TRADITIONAL_IRA
                    cash: 1000.00
                    lots:
                      - { symbol: VTI, quantity: 220, costPerShare: 210.00, acquired: 2020-02-03 }
                      - { symbol: BND, quantity: 440, costPerShare: 80.00, acquired: 2020-02-03 }
            """;

    @Test
    void a_buy_the_guardrails_block_is_replaced_by_the_classes_next_security() {
        BookSnapshot book = BookYaml.read(BOOK, "book.yaml", ShippedRules.referenceData());
        Household household = book.household(HouseholdId.of("H-1")).orElseThrow();
        var policies = ShippedScenarios.policies(household, book);
        ScreenedPlanner planner = new ScreenedPlanner(new TradePlanner(PlannerSettings.DEFAULTS),
                new GuardrailScreener(ShippedScenarios.compiled(TableKind.GUARDRAILS)));

        ScreenedProposal screened = planner.plan(household, book, policies, RebalanceMode.TO_TARGET);

        // first plan: sell 6,000.00 of VTI (20 shares), buy 7,000.00 of bonds with 7,000.00 of cash: 93 BND = 6,975.00,
        // blocked for its stale price; second plan: 70 AGG = 7,000.00 instead
        assertThat(screened.blocked()).singleElement().satisfies(b -> {
            assertThat(describe(b.trade())).isEqualTo("BUY 93 BND 6975.00");
            assertThat(b.verdict().violations()).extracting(Violation::ruleId).containsExactly("DATA-STALE-01");
        });
        assertThat(screened.proposal().trades()).extracting(ScreenedPlannerTest::describe)
                .containsExactly("SELL 20 VTI 6000.00", "BUY 70 AGG 7000.00");
        assertThat(screened.screening().verdicts()).extracting(v -> v.verdict()).containsOnly(Verdict.PASS);
        assertThat(screened.proposal().after().outOfBand()).isEmpty();
    }

    private static String describe(ProposedTrade t) {
        return t.side() + " " + t.quantity().toPlainString() + " " + t.symbol() + " " + t.notional().toPlainString();
    }
}
