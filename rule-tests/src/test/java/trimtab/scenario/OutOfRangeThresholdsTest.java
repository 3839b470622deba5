package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trimtab.engine.rules.RuleSetRejectedException;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.rules.ShippedRules;

/**
 * A threshold typed out of its plausible range in a shipped workbook (a slip of the finger that would silently
 * change what is enforced) is refused at its cell, naming the row's rule id and the allowed range.
 */
class OutOfRangeThresholdsTest {

    static Stream<Arguments> slips() {
        return Stream.of(
                Arguments.of(TableKind.TRIGGERS, "Drift", "E8", "500", "DRIFT-FIRM-01",
                        "'500' in column 'Drift more than (pts)' is not plausible for a number of percentage points: it must be from 0 to 100"),
                Arguments.of(TableKind.TRIGGERS, "Market", "C6", "200", "VIX-SUSPEND-01",
                        "'200' in column 'VIX at least' is not plausible for a VIX level: it must be from 0 to 150"),
                Arguments.of(TableKind.TRIGGERS, "Calendar", "C7", "5000", "CAL-ANN-01",
                        "'5000' in column 'Days since last rebalance at least' is not plausible for a number of days: it must be from 0 to 3650"),
                Arguments.of(TableKind.TRIGGERS, "CashFlow", "C6", "-30", "CASH-OUT-01",
                        "'-30' in column 'Distributions due within (days) exceed cash' is not plausible for a number of days"),
                Arguments.of(TableKind.TRIGGERS, "TaxLossHarvest", "D6", "110", "TLH-01",
                        "'110' in column 'Loss at least (% of cost)' is not plausible for a percentage: it must be from 0 to 100"),
                Arguments.of(TableKind.TRIGGERS, "LifeEvents", "E8", "4000", "LIFE-DEATH-01",
                        "'4000' in column 'Until (days since)' is not plausible for a number of days before or after an event"),
                Arguments.of(TableKind.TRIGGERS, "Drift", "G6", "12", "DRIFT-ABS-01",
                        "'12' in column 'Priority (1 = most urgent)' is not plausible for a priority (1 = most urgent): it must be from 1 to 9"),
                Arguments.of(TableKind.GUARDRAILS, "Trading", "G8", "-100", "TRADE-MIN-01",
                        "'-100' in column 'Notional below ($)' is not plausible for an amount in dollars"),
                Arguments.of(TableKind.GUARDRAILS, "Concentration", "H9", "500", "CONC-SEC-HH-01",
                        "'500' in column 'Security above (% of household)' is not plausible for a percentage: it must be from 0 to 100"),
                Arguments.of(TableKind.GUARDRAILS, "Market", "C6", "151", "VIX-CB-01",
                        "'151' in column 'VIX at least' is not plausible for a VIX level"),
                Arguments.of(TableKind.GUARDRAILS, "Data", "G10", "4000", "DATA-STALE-01",
                        "'4000' in column 'Price older than (business days)' is not plausible for a number of days"),
                Arguments.of(TableKind.TAX_POLICY, "Policy", "J9", "120", "TAX-TAXABLE-01",
                        "'120' in column 'Harvest when loss at least (% of cost)' is not plausible for a percentage"),
                Arguments.of(TableKind.TAX_POLICY, "Policy", "H7", "-50000", "TAX-HNW-01",
                        "'-50000' in column 'Gain budget ($ per year)' is not plausible for an amount in dollars"));
    }

    @ParameterizedTest(name = "{0} {1}!{2} = {3}")
    @MethodSource("slips")
    void is_refused_at_its_cell_with_the_rule_id_and_the_range(TableKind kind, String sheet, String cell, String value,
                                                                String ruleId, String message) {
        Workbook shipped = ShippedRules.workbook(kind);
        byte[] bytes = BrokenWorkbooksTest.editOf(shipped, wb -> BrokenWorkbooksTest.set(wb, sheet, cell, value));

        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> ShippedScenarios.compile(kind, new Workbook(shipped.fileName(), bytes)));

        assertThat(e).as("%s!%s = %s must be refused", sheet, cell, value).isNotNull();
        assertThat(e.errors()).as(e.getMessage()).singleElement().satisfies(error -> {
            assertThat(error.workbook()).isEqualTo(shipped.fileName());
            assertThat(error.sheet()).isEqualTo(sheet);
            assertThat(error.cell()).isEqualTo(cell);
            assertThat(error.ruleId()).isEqualTo(ruleId);
            assertThat(error.message()).startsWith(message);
        });
    }
}
