package trimtab.api.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.rules.ShippedRules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guardrails workbook of a given number of rule rows, for measuring what a firm-sized table costs: the shipped
 * workbook (24 rows) plus copies of its threshold rows, each with a new rule id and its own threshold, appended
 * under their sheet's table the way an officer adds rows. Made with POI from the shipped file, never an origin of
 * a workbook the firm would enforce.
 */
final class LargeGuardrailsWorkbook {
    /** A row to copy: its sheet, its spreadsheet row, the cell holding its threshold, and the k-th copy's threshold. */
    private record Template(String sheet, int row, String thresholdColumn, java.util.function.IntFunction<BigDecimal> threshold) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("Concentration", 6, "E", k -> new BigDecimal("10.25").add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(k % 60)))),
            new Template("Concentration", 9, "H", k -> new BigDecimal("5.25").add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(k % 60)))),
            new Template("Trading", 9, "H", k -> BigDecimal.valueOf(251_000L + 1_000L * k)),
            new Template("Trading", 8, "G", k -> BigDecimal.valueOf(99 - k % 90)),
            new Template("Allocation", 6, "C", k -> new BigDecimal("0.5").multiply(BigDecimal.valueOf(1 + k % 40))),
            new Template("Market", 6, "C", k -> BigDecimal.valueOf(31 + k % 40)),
            new Template("Data", 10, "G", k -> BigDecimal.valueOf(4 + k % 20)));

    private LargeGuardrailsWorkbook() {
    }

    /** The shipped guardrails grown to {@code rows} rule rows (at least the shipped 24). */
    static Workbook withRows(int rows) {
        Workbook shipped = ShippedRules.workbook(TableKind.GUARDRAILS);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(shipped.bytes()))) {
            int extra = Math.max(0, rows - shippedRows(wb));
            Map<Template, Integer> copies = new LinkedHashMap<>();
            for (int i = 0; i < extra; i++) {
                copies.merge(TEMPLATES.get(i % TEMPLATES.size()), 1, Integer::sum);
            }
            Map<String, Integer> nextRow = new LinkedHashMap<>();
            for (Map.Entry<Template, Integer> entry : copies.entrySet()) {
                Template template = entry.getKey();
                Sheet sheet = wb.getSheet(template.sheet());
                Row source = sheet.getRow(template.row() - 1);
                String ruleId = source.getCell(0).getStringCellValue();
                int column = CellReference.convertColStringToIndex(template.thresholdColumn());
                for (int k = 0; k < entry.getValue(); k++) {
                    int at = nextRow.computeIfAbsent(template.sheet(), name -> tableEnd(sheet));
                    Row copy = sheet.createRow(at);
                    copyCells(source, copy);
                    replace(copy, 0).setCellValue(ruleId + "-G" + String.format("%04d", k + 1));
                    replace(copy, column).setCellValue(template.threshold().apply(k).doubleValue());
                    nextRow.put(template.sheet(), at + 1);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return new Workbook(shipped.fileName(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule rows of every table: the rows under the 5 header rows up to the first blank one. */
    private static int shippedRows(XSSFWorkbook wb) {
        int rows = 0;
        for (int s = 1; s < wb.getNumberOfSheets(); s++) {
            rows += tableEnd(wb.getSheetAt(s)) - 5;
        }
        return rows;
    }

    /** The 0-based index of the first blank row under the table's header: where a new row goes. */
    private static int tableEnd(Sheet sheet) {
        int row = 5;
        while (sheet.getRow(row) != null && sheet.getRow(row).getCell(0) != null
                && sheet.getRow(row).getCell(0).getCellType() != CellType.BLANK
                && !sheet.getRow(row).getCell(0).toString().isBlank()) {
            row++;
        }
        return row;
    }

    private static void copyCells(Row source, Row target) {
        List<Cell> cells = new ArrayList<>();
        source.cellIterator().forEachRemaining(cells::add);
        for (Cell cell : cells) {
            Cell copy = target.createCell(cell.getColumnIndex());
            copy.setCellStyle(cell.getCellStyle());
            switch (cell.getCellType()) {
                case STRING -> copy.setCellValue(cell.getStringCellValue());
                case NUMERIC -> copy.setCellValue(cell.getNumericCellValue());
                case BOOLEAN -> copy.setCellValue(cell.getBooleanCellValue());
                default -> {
                    // blank: the style is enough
                }
            }
        }
    }

    /** A fresh cell in place of any (the workbooks hold inline strings, which POI does not overwrite in place). */
    private static Cell replace(Row row, int column) {
        Cell old = row.getCell(column);
        var style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        Cell cell = row.createCell(column);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }
}
