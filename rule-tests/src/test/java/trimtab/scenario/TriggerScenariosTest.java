package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.TableKind;
import trimtab.engine.trigger.TriggerVocabulary;
import trimtab.rules.ShippedRules;

/** Every scenario under rule-tests/scenarios/triggers, against the shipped triggers workbook. */
class TriggerScenariosTest {
    static final Path SCENARIOS = Path.of(System.getProperty("trimtab.scenarios", "scenarios")).resolve("triggers");
    static final CompiledRuleSet TRIGGERS = new RuleSetCompiler(TriggerVocabulary.get())
            .compile(TableKind.TRIGGERS, 1, ShippedRules.workbook(TableKind.TRIGGERS));

    @TestFactory
    Stream<DynamicNode> scenarios() throws IOException {
        TriggerScenarioRunner runner = new TriggerScenarioRunner(TRIGGERS, ShippedRules.referenceData());
        return RunScenario.scenarioFiles(List.of(SCENARIOS)).stream().map(ScenarioFile::read).map(file ->
                DynamicContainer.dynamicContainer(file.path().getFileName() + ": " + file.title(),
                        file.scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                            ScenarioResult result = runner.run(file, scenario);
                            if (!result.passed()) {
                                fail("\n" + result.report());
                            }
                        }))));
    }

    @Test
    void the_suite_is_large_enough_to_cover_every_trigger_family() throws IOException {
        long count = RunScenario.scenarioFiles(List.of(SCENARIOS)).stream().map(ScenarioFile::read)
                .mapToLong(f -> f.scenarios().size()).sum();
        assertThat(count).as("trigger scenarios").isGreaterThanOrEqualTo(30);
    }
}
