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
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.rules.ShippedRules;

/**
 * Deletes each row of the shipped workbooks in turn and checks that some scenario then fails:
 * a row no scenario notices is a row nobody would miss if it were deleted by mistake.
 */
class EveryRowIsCoveredTest {

    @TestFactory
    Stream<DynamicTest> deleting_any_trigger_row_fails_a_scenario() {
        return eachRow(TableKind.TRIGGERS);
    }

    @TestFactory
    Stream<DynamicTest> deleting_any_guardrail_row_fails_a_scenario() {
        return eachRow(TableKind.GUARDRAILS);
    }

    private static Stream<DynamicTest> eachRow(TableKind kind) {
        List<ScenarioFile> files = ShippedScenarios.files(kind);
        Workbook shipped = ShippedRules.workbook(kind);
        CompiledRuleSet complete = ShippedScenarios.compiled(kind);
        return complete.rules().stream().map(rule -> DynamicTest.dynamicTest(
                rule.ruleId() + " (" + rule.sheet() + " row " + rule.row() + ")", () -> {
                    long rowsOnSheet = complete.rules().stream().filter(r -> r.sheet().equals(rule.sheet())).count();
                    CompiledRuleSet without = ShippedScenarios.compile(kind,
                            new Workbook(shipped.fileName(), withoutRow(shipped, rule, rowsOnSheet)));
                    assertThat(without.ruleCount()).isEqualTo(complete.ruleCount() - 1);

                    ScenarioRunner runner = ShippedScenarios.runner(kind, without);
                    List<String> failing = new ArrayList<>();
                    for (ScenarioFile file : files) {
                        file.scenarios().stream().filter(s -> !runner.run(file, s).passed())
                                .forEach(s -> failing.add(s.name()));
                    }
                    assertThat(failing).as("scenarios failing once " + rule.ruleId() + " is deleted").isNotEmpty();
                }));
    }

    /** The workbook without the row; a table's only row goes with its sheet, since an empty table is refused. */
    private static byte[] withoutRow(Workbook workbook, RuleRef rule, long rowsOnSheet) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            if (rowsOnSheet == 1) {
                wb.removeSheetAt(wb.getSheetIndex(rule.sheet()));
            } else {
                Sheet sheet = wb.getSheet(rule.sheet());
                int row0 = rule.row() - 1;
                sheet.removeRow(sheet.getRow(row0));
                if (row0 < sheet.getLastRowNum()) {
                    sheet.shiftRows(row0 + 1, sheet.getLastRowNum(), -1);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
