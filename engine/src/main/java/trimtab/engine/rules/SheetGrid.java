package trimtab.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.template.parser.DataListener;

/**
 * The cells of a workbook exactly as Drools' parser delivers them (formatted text, merged cells
 * carrying their top-left value), recorded beside Drools' own listener so that our checks and
 * Drools see the same workbook.
 */
final class SheetGrid {

    /** A non-empty cell; {@code mergedFrom} is the first column of its merged region, or -1. */
    record Cell(int row, int column, String value, int mergedFrom) {
        boolean isMerged() {
            return mergedFrom != DataListener.NON_MERGED;
        }
    }

    private final Map<String, TreeMap<Integer, TreeMap<Integer, Cell>>> sheets = new LinkedHashMap<>();
    private String currentSheet = "";

    /** A listener that records one sheet's cells; give it to Drools' parser beside Drools' own listener. */
    DataListener recorder(String sheet) {
        TreeMap<Integer, TreeMap<Integer, Cell>> rows = sheets.computeIfAbsent(sheet, n -> new TreeMap<>());
        return new DataListener() {
            @Override
            public void startSheet(String name) {
                currentSheet = sheet;
            }

            @Override
            public void finishSheet() {
                // cells are recorded as they arrive
            }

            @Override
            public void newRow(int rowNumber, int columns) {
                currentSheet = sheet;
            }

            @Override
            public void newCell(int row, int column, String value, int mergedColStart) {
                if (value != null && !value.isBlank()) {
                    rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, new Cell(row, column, value.trim(), mergedColStart));
                }
            }
        };
    }

    /** The sheet being parsed when Drools gave up: its errors name a cell but not the sheet. */
    String currentSheet() {
        return currentSheet;
    }

    List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    TreeMap<Integer, TreeMap<Integer, Cell>> rows(String sheet) {
        return sheets.getOrDefault(sheet, new TreeMap<>());
    }

    String text(String sheet, int row, int column) {
        Cell cell = cell(sheet, row, column);
        return cell == null ? "" : cell.value();
    }

    Cell cell(String sheet, int row, int column) {
        TreeMap<Integer, Cell> cells = rows(sheet).get(row);
        return cells == null ? null : cells.get(column);
    }

    /** Finds a cell whose text equals {@code text} (ignoring case), e.g. a RuleSet keyword. */
    boolean contains(String text) {
        return sheets.values().stream().flatMap(r -> r.values().stream()).flatMap(c -> c.values().stream())
                .anyMatch(c -> c.value().equalsIgnoreCase(text));
    }
}
