package trimtab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trimtab.engine.rules.ActiveRuleSets;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleBuildError;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.RuleSetRejectedException;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.trigger.TriggerVocabulary;
import trimtab.rules.ShippedRules;

/**
 * Broken variants of the shipped triggers workbook, made by editing a copy with POI: each is refused
 * with an error at the sheet and cell (or row) a compliance officer must fix, and the rule set in
 * force is unchanged afterwards.
 */
class BrokenWorkbooksTest {
    private static final RuleSetCompiler COMPILER = new RuleSetCompiler(TriggerVocabulary.get());
    private static final Workbook SHIPPED = ShippedRules.workbook(TableKind.TRIGGERS);

    private final ActiveRuleSets active = new ActiveRuleSets();
    private final CompiledRuleSet inForce = active.compileAndActivate(COMPILER, TableKind.TRIGGERS, 1, SHIPPED);

    @AfterEach
    void theRuleSetInForceIsUnchanged() {
        assertThat(active.require(TableKind.TRIGGERS)).isSameAs(inForce);
        assertThat(inForce.ruleCount()).isEqualTo(21);
    }

    static Stream<Arguments> brokenWorkbooks() {
        return Stream.of(
                Arguments.of("misspelt column type", edit(wb -> set(wb, "Drift", "C2", "CONDITON")),
                        "Drift", "C2", "column type 'CONDITON' is not one of"),
                Arguments.of("word where a number belongs", edit(wb -> set(wb, "Drift", "E8", "ten")),
                        "Drift", "E8", "'ten' in column 'Drift more than (pts)' is not a number"),
                Arguments.of("condition on an unknown field", edit(wb -> set(wb, "Drift", "E4", "absolutDrift > $param")),
                        "Drift", "E4", "'absolutDrift' is not a field of ClassDrift"),
                Arguments.of("fact type not merged, repeated", edit(wb -> {
                    wb.getSheet("Drift").removeMergedRegion(0);
                    set(wb, "Drift", "D3", "$d : ClassDrift");
                    set(wb, "Drift", "E3", "$d : ClassDrift");
                }), "Drift", "D3", "repeats the fact type of the column to its left without merging"),
                Arguments.of("fact type not merged, left empty", edit(wb -> wb.getSheet("Market").removeMergedRegion(0)),
                        "Market", "D3", "has no fact type"),
                Arguments.of("duplicate rule id", edit(wb -> set(wb, "Calendar", "A7", "CAL-QTR-01")),
                        "Calendar", "A7", "rule id CAL-QTR-01 is already used on Calendar row 6"),
                Arguments.of("missing description", edit(wb -> set(wb, "Market", "B6", "")),
                        "Market", "B6", "the row has no description"),
                Arguments.of("missing rule id", edit(wb -> set(wb, "LifeEvents", "A8", "")),
                        "LifeEvents", "A8", "the row has no rule id"),
                Arguments.of("unknown placeholder in a description",
                        edit(wb -> set(wb, "Drift", "B6", "{assetClas} is off target")),
                        "Drift", "B6", "names {assetClas}, which is neither a fact field nor a condition column label"),
                Arguments.of("unknown action", edit(wb -> set(wb, "Market", "E6", "HALT")),
                        "Market", "E6", "'HALT' in column 'Action' is not one of SUSPEND, REVIEW, RAISE_CASH, REBALANCE, HARVEST, INVEST_CASH"),
                Arguments.of("priority that is not a number", edit(wb -> set(wb, "Drift", "G6", "high")),
                        "Drift", "G6", "'high' in column 'Priority (1 = most urgent)' is not a whole number"),
                Arguments.of("a row with no condition", edit(wb -> {
                    set(wb, "TaxLossHarvest", "C6", "");
                    set(wb, "TaxLossHarvest", "D6", "");
                    set(wb, "TaxLossHarvest", "E6", "");
                }), "TaxLossHarvest", "A6", "the row has no condition"),
                Arguments.of("column header Drools itself rejects", edit(wb -> set(wb, "Market", "C2", "Hello")),
                        "Market", "C2", "Invalid column header: Hello"),
                Arguments.of("day window that is not a whole number", edit(wb -> set(wb, "CashFlow", "C6", "30.5")),
                        "CashFlow", "C6", "is not a whole number"),
                Arguments.of("day count that is not a whole number", edit(wb -> set(wb, "Calendar", "C7", "364.5")),
                        "Calendar", "C7", "'364.5' in column 'Days since last rebalance at least' is not a whole number"),
                Arguments.of("a row without an action", edit(wb -> set(wb, "Drift", "F7", "")),
                        "Drift", "F7", "the row has no value in column 'Action'"),
                Arguments.of("a word in a TRUE/FALSE column", edit(wb -> set(wb, "Drift", "C6", "yes")),
                        "Drift", "C6", "'yes' in column 'Outside the model's absolute band' must be TRUE or FALSE"),
                Arguments.of("a misspelt life event", edit(wb -> set(wb, "LifeEvents", "C6", "RETIRMENT")),
                        "LifeEvents", "C6", "'RETIRMENT' in column 'Event' is not one of BIRTH_OF_CHILD, DEATH_OF_SPOUSE"),
                Arguments.of("a description quoting a column the row leaves empty",
                        edit(wb -> set(wb, "Drift", "B6", "{assetClass} drifted more than {Drift more than (pts)} pts")),
                        "Drift", "B6", "quotes {Drift more than (pts)}, but this row leaves that column (E) empty"),
                Arguments.of("a row below the blank row that ends the table", edit(wb -> {
                    set(wb, "LifeEvents", "A12", "LIFE-MAR-01");
                    set(wb, "LifeEvents", "B12", "Marriage on {date}: review beneficiaries.");
                    set(wb, "LifeEvents", "C12", "MARRIAGE");
                    set(wb, "LifeEvents", "F12", "REVIEW");
                }), "LifeEvents", "A12", "is below the blank row that ends table 'Life events'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenWorkbooks")
    void is_refused_at_the_cell_to_fix(String mistake, byte[] bytes, String sheet, String cell, String message) {
        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> active.compileAndActivate(COMPILER, TableKind.TRIGGERS, 2, new Workbook("triggers.drl.xlsx", bytes)));

        assertThat(e).as(mistake + " must be refused").isNotNull();
        assertThat(e.errors()).as(e.getMessage()).anySatisfy(error -> {
            assertThat(error.workbook()).isEqualTo("triggers.drl.xlsx");
            assertThat(error.sheet()).isEqualTo(sheet);
            assertThat(error.cell()).isEqualTo(cell);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void the_rules_are_listed_in_sheet_and_row_order() {
        assertThat(inForce.rules().get(0)).isEqualTo(new trimtab.engine.rules.RuleRef("triggers.drl.xlsx", "Drift", 6, "DRIFT-ABS-01"));
        assertThat(inForce.rules().get(20)).isEqualTo(new trimtab.engine.rules.RuleRef("triggers.drl.xlsx", "MultiFactor", 8, "MULTI-03"));
    }

    @Test
    void a_workbook_without_rule_tables_is_refused_rather_than_enforcing_nothing() {
        byte[] settingsOnly = edit(wb -> {
            while (wb.getNumberOfSheets() > 1) {
                wb.removeSheetAt(1);
            }
        });

        assertThat(refusal("triggers.drl.xlsx", settingsOnly).message()).startsWith("no decision table found");
    }

    @Test
    void a_csv_uploaded_as_xlsx_is_recognised_as_text() {
        byte[] csv = "RuleSet,trimtab.triggers\nRuleTable Drift,,\n".getBytes(StandardCharsets.UTF_8);

        assertThat(refusal("triggers.drl.xlsx", csv).message())
                .isEqualTo("is not an Excel workbook (it looks like text, perhaps a CSV: upload it with a .csv name)");
    }

    @Test
    void a_zip_that_is_not_a_workbook_is_refused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("quarterly notes".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        assertThat(refusal("triggers.drl.xlsx", zip.toByteArray()).message())
                .startsWith("is a zip archive but not a readable Excel workbook");
    }

    @Test
    void an_oversized_file_is_refused_before_it_is_parsed() {
        byte[] big = new byte[6 * 1024 * 1024];
        big[0] = 'P';
        big[1] = 'K';

        assertThat(refusal("triggers.drl.xlsx", big).message()).isEqualTo("the file is 6.0 MB; a rule workbook may be at most 5 MB");
    }

    private RuleBuildError refusal(String name, byte[] bytes) {
        RuleSetRejectedException e = catchThrowableOfType(RuleSetRejectedException.class,
                () -> active.compileAndActivate(COMPILER, TableKind.TRIGGERS, 2, new Workbook(name, bytes)));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).workbook()).isEqualTo(name);
        return e.errors().get(0);
    }

    /** A copy of the shipped triggers workbook with an edit applied, as bytes. */
    static byte[] edit(Consumer<XSSFWorkbook> change) {
        return editOf(SHIPPED, change);
    }

    /** A copy of a workbook with an edit applied, as bytes. */
    static byte[] editOf(Workbook workbook, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void set(XSSFWorkbook wb, String sheetName, String a1, String value) {
        org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(a1);
        Sheet sheet = wb.getSheet(sheetName);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        // The workbook stores inline strings, which POI does not overwrite in place: replace the cell.
        Cell old = row.getCell(ref.getCol());
        org.apache.poi.ss.usermodel.CellStyle style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        if (!value.isEmpty()) {
            Cell cell = row.createCell(ref.getCol());
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
