package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trimtab.engine.rules.TableKind;

/** Every scenario under rule-tests/scenarios/, against the shipped workbook of its table. */
class ScenarioSuiteTest {

    @TestFactory
    Stream<DynamicNode> trigger_scenarios() {
        return scenarios(TableKind.TRIGGERS);
    }

    @TestFactory
    Stream<DynamicNode> guardrail_scenarios() {
        return scenarios(TableKind.GUARDRAILS);
    }

    @TestFactory
    Stream<DynamicNode> planner_scenarios() {
        return scenarios(TableKind.TAX_POLICY);
    }

    @ParameterizedTest
    @CsvSource({"TRIGGERS, 30", "GUARDRAILS, 40", "TAX_POLICY, 16"})
    void the_suite_is_large_enough(TableKind kind, int minimum) {
        assertThat(ShippedScenarios.files(kind).stream().mapToInt(f -> f.scenarios().size()).sum())
                .as(kind + " scenarios").isGreaterThanOrEqualTo(minimum);
    }

    private static Stream<DynamicNode> scenarios(TableKind kind) {
        ScenarioRunner runner = ShippedScenarios.runner(kind, ShippedScenarios.compiled(kind));
        return ShippedScenarios.files(kind).stream().map(file -> DynamicContainer.dynamicContainer(
                file.path().getFileName() + ": " + file.title(),
                file.scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    assertThat(file.table()).isEqualTo(kind);
                    ScenarioResult result = runner.run(file, scenario);
                    if (!result.passed()) {
                        fail("\n" + result.report());
                    }
                }))));
    }
}
