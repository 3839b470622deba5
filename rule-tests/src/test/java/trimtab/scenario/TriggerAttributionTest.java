package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.bookfile.BookYaml;
import trimtab.engine.planner.PlannerSettings;
import trimtab.engine.planner.Proposal;
import trimtab.engine.planner.ProposedTrade;
import trimtab.engine.planner.TradePlanner;
import trimtab.engine.planner.TriggerAttribution;
import trimtab.engine.rules.TableKind;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.trigger.TriggerEvaluator;
import trimtab.engine.trigger.TriggerHit;
import trimtab.rules.ShippedRules;

/** Each proposed trade names the trigger rows behind it. */
class TriggerAttributionTest {

    // A trust at 70 / 30 of 100,000.00 (VTI 350.00, BND 60.00), rebalanced 193 days ago; its 2025 VTI lot is
    // down 12.5 % (1,500.00), past both the trigger's (10 %, 1,000.00) and the trust policy's harvest thresholds.
    private static final String BOOK = """
            asOf: 2026-11-24
            vix: 16.00
            prices: { VTI: 350.00, BND: 60.00, ITOT: 141.20 }
            models:
              - id: EQ60_BD40_ALT
                targets:
                  - { assetClass: US_TOTAL_MARKET, target: 60, absoluteBand: 5, relativeBand: 25, primary: VTI, alternates: [ITOT] }
                  - { assetClass: US_AGG_BOND, target: 40, absoluteBand: 5, relativeBand: 25, primary: BND }
            households:
              - id: H-X
                advisor: ADV-7
                model: EQ60_BD40_ALT
                lastRebalance: 2026-05-15
                tax: { shortTermRate: 0.37, longTermRate: 0.20, realisedLongTermYtd: 4000.00 }
                accounts:
                  - id: TR
                    type: TRUST
                    lots:
                      - { symbol: VTI, quantity: 170, costPerShare: 250.00, acquired: 2021-03-01 }
                      - { symbol: VTI, quantity: 30, costPerShare: 400.00, acquired: 2025-09-02 }
                      - { symbol: BND, quantity: 500, costPerShare: 60.00, acquired: 2021-03-01 }
            """;

    @Test
    void rebalancing_trades_name_the_drift_rows_and_harvest_trades_the_harvest_row_of_their_lot() {
        BookSnapshot book = BookYaml.read(BOOK, "book.yaml", ShippedRules.referenceData());
        Household household = book.household(HouseholdId.of("H-X")).orElseThrow();
        var hits = new TriggerEvaluator(ShippedScenarios.compiled(TableKind.TRIGGERS)).evaluate(book)
                .household(household.id()).orElseThrow().hits();
        var policies = ShippedScenarios.policies(household, book);

        Proposal proposal = TriggerAttribution.attribute(new TradePlanner(PlannerSettings.DEFAULTS)
                .planHousehold(household, book, policies, RebalanceMode.TO_TARGET), hits);

        assertThat(hits).extracting(TriggerHit::ruleId).contains("DRIFT-ABS-01", "MULTI-01", "TLH-01");
        Map<String, ProposedTrade> bySymbolAndSide = proposal.trades().stream()
                .collect(Collectors.toMap(t -> t.side() + " " + t.symbol() + " " + t.purpose(), Function.identity()));
        assertThat(bySymbolAndSide.get("SELL VTI HARVEST").triggeredBy()).containsExactly("TLH-01");
        assertThat(bySymbolAndSide.get("BUY ITOT SUBSTITUTE").triggeredBy()).containsExactly("TLH-01");
        assertThat(bySymbolAndSide.get("SELL VTI REBALANCE").triggeredBy()).containsExactlyInAnyOrder("DRIFT-ABS-01", "MULTI-01");
        assertThat(bySymbolAndSide.get("BUY BND REBALANCE").triggeredBy()).containsExactlyInAnyOrder("DRIFT-ABS-01", "MULTI-01");
    }
}
