package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleRef;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.trigger.TriggerVocabulary;
import trimtab.rules.ShippedRules;

/**
 * Deletes each row of the shipped triggers workbook in turn and checks that some scenario then fails:
 * a row no scenario notices is a row nobody would miss if it were deleted by mistake.
 */
class EveryRowIsCoveredTest {

    @TestFactory
    Stream<DynamicTest> deleting_any_row_fails_a_scenario() throws IOException {
        List<ScenarioFile> files = RunScenario.scenarioFiles(List.of(TriggerScenariosTest.SCENARIOS)).stream()
                .map(ScenarioFile::read).toList();
        Workbook shipped = ShippedRules.workbook(TableKind.TRIGGERS);
        return TriggerScenariosTest.TRIGGERS.rules().stream().map(rule -> DynamicTest.dynamicTest(
                rule.ruleId() + " (" + rule.sheet() + " row " + rule.row() + ")", () -> {
                    CompiledRuleSet without = new RuleSetCompiler(TriggerVocabulary.get())
                            .compile(TableKind.TRIGGERS, 2, new Workbook(shipped.fileName(), withoutRow(shipped, rule)));
                    assertThat(without.ruleCount()).isEqualTo(TriggerScenariosTest.TRIGGERS.ruleCount() - 1);

                    TriggerScenarioRunner runner = new TriggerScenarioRunner(without, ShippedRules.referenceData());
                    List<String> failing = new ArrayList<>();
                    for (ScenarioFile file : files) {
                        file.scenarios().stream().filter(s -> !runner.run(file, s).passed())
                                .forEach(s -> failing.add(s.name()));
                    }
                    assertThat(failing).as("scenarios failing once " + rule.ruleId() + " is deleted").isNotEmpty();
                }));
    }

    private static byte[] withoutRow(Workbook workbook, RuleRef rule) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            Sheet sheet = wb.getSheet(rule.sheet());
            int row0 = rule.row() - 1;
            sheet.removeRow(sheet.getRow(row0));
            if (row0 < sheet.getLastRowNum()) {
                sheet.shiftRows(row0 + 1, sheet.getLastRowNum(), -1);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
