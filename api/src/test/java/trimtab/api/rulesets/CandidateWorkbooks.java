package trimtab.api.rulesets;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import trimtab.api.database.Transactions;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.rules.ShippedRules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Candidate rule-set versions for the lifecycle tests: the shipped workbooks with one cell changed (made with POI,
 * as a compliance officer's edit in Excel would be), stored as the next version of their table the way an upload
 * stores it. Uploads over HTTP are another package's; these tests need only the stored version.
 */
public final class CandidateWorkbooks {
    private CandidateWorkbooks() {
    }

    /** The guardrails with TRADE-MAX-01 (Trading row 9, column H "Notional above ($)", shipped 250000) set to {@code limit}. */
    public static Workbook guardrailsWithMaxNotional(String limit) {
        return edit(TableKind.GUARDRAILS, wb -> set(wb, "Trading", "H9", limit));
    }

    /** The triggers with DRIFT-FIRM-01 (Drift row 8, column E "Drift more than (pts)", shipped 10) set to {@code points}. */
    public static Workbook triggersWithFirmDriftLimit(String points) {
        return edit(TableKind.TRIGGERS, wb -> set(wb, "Drift", "E8", points));
    }

    /** A copy of the shipped workbook of a table with an edit applied, under the shipped file name. */
    public static Workbook edit(TableKind kind, Consumer<XSSFWorkbook> change) {
        Workbook shipped = ShippedRules.workbook(kind);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(shipped.bytes()))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return new Workbook(shipped.fileName(), out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a cell (the workbooks hold inline strings, which POI does not overwrite in place); numbers stay numbers. */
    public static void set(XSSFWorkbook wb, String sheetName, String a1, String value) {
        CellReference ref = new CellReference(a1);
        Sheet sheet = wb.getSheet(sheetName);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        Cell old = row.getCell(ref.getCol());
        CellStyle style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        Cell cell = row.createCell(ref.getCol());
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            cell.setCellValue(Double.parseDouble(value));
        } else {
            cell.setCellValue(value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Stores a workbook as the next version of its table, uploaded by {@code uploader}; returns the version number. */
    public static int store(Transactions transactions, RuleSetStore store, TableKind kind, Workbook workbook, String uploader,
                            String comment) {
        int ruleCount = RuleSetCompilers.compile(kind, 1, workbook).ruleCount();
        return transactions.write(connection -> store.addVersion(connection, kind, workbook, ruleCount, uploader, comment));
    }
}
