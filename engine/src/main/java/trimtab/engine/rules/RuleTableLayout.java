package trimtab.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structure of the decision tables in a recorded grid, read the way Drools reads it: a cell
 * "RuleTable &lt;name&gt;", then the rows of column types, fact patterns, code templates and labels,
 * then one rule per row until the first blank row.
 */
final class RuleTableLayout {

    static final int TYPE_ROW = 1;
    static final int PATTERN_ROW = 2;
    static final int TEMPLATE_ROW = 3;
    static final int LABEL_ROW = 4;
    static final int FIRST_DATA_ROW = 5;

    /** One column of a table: its 0-based index and the texts of its header rows. */
    record Column(int index, String type, String pattern, String template, String label, boolean patternMerged) {
        String letter() {
            return CellRef.columnLetters(index);
        }

        boolean is(String keyword) {
            return type.toUpperCase(Locale.ROOT).equals(keyword);
        }
    }

    /** One rule row: its 0-based spreadsheet row and its non-empty cells by column index. */
    record DataRow(int row0, Map<Integer, String> cells) {
        int spreadsheetRow() {
            return row0 + 1;
        }

        String cell(Column column) {
            return cells.getOrDefault(column.index(), "");
        }
    }

    /**
     * @param strayRows 0-based rows with content below the blank row that ends the table (and above the
     *                  next table): Drools ignores them, which is never what the author meant
     */
    record Table(String name, String sheet, int row0, int column0, List<Column> columns, List<DataRow> rows,
                 List<Integer> strayRows) {
        /** The rule name Drools generates for a row: {@code <table name>_<spreadsheet row>}. */
        String ruleName(DataRow row) {
            return name + "_" + row.spreadsheetRow();
        }

        List<Column> columnsOf(String keyword) {
            return columns.stream().filter(c -> c.is(keyword)).toList();
        }
    }

    private RuleTableLayout() {
    }

    static List<Table> read(SheetGrid grid) {
        List<Table> tables = new ArrayList<>();
        for (String sheet : grid.sheetNames()) {
            TreeMap<Integer, TreeMap<Integer, SheetGrid.Cell>> rows = grid.rows(sheet);
            for (var row : rows.entrySet()) {
                for (SheetGrid.Cell cell : row.getValue().values()) {
                    String name = ruleTableName(cell.value());
                    if (name != null) {
                        tables.add(readTable(grid, sheet, name, cell.row(), cell.column()));
                    }
                }
            }
        }
        return tables;
    }

    /** The table name if the text starts a rule table ("RuleTable Drift"), else null. */
    static String ruleTableName(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("ruletable")) {
            return "";
        }
        return lower.startsWith("ruletable ") ? text.substring("ruletable ".length()).trim() : null;
    }

    private static Table readTable(SheetGrid grid, String sheet, String name, int row0, int column0) {
        List<Column> columns = new ArrayList<>();
        TreeMap<Integer, SheetGrid.Cell> typeCells = grid.rows(sheet).getOrDefault(row0 + TYPE_ROW, new TreeMap<>());
        for (SheetGrid.Cell typeCell : typeCells.tailMap(column0, true).values()) {
            int c = typeCell.column();
            SheetGrid.Cell patternCell = grid.cell(sheet, row0 + PATTERN_ROW, c);
            columns.add(new Column(c, typeCell.value(),
                    patternCell == null ? "" : patternCell.value(),
                    grid.text(sheet, row0 + TEMPLATE_ROW, c),
                    grid.text(sheet, row0 + LABEL_ROW, c),
                    patternCell != null && patternCell.isMerged() && patternCell.mergedFrom() != c));
        }
        int lastColumn = columns.isEmpty() ? column0 : columns.get(columns.size() - 1).index();
        List<DataRow> dataRows = new ArrayList<>();
        int r = row0 + FIRST_DATA_ROW;
        for (; ; r++) {
            Map<Integer, String> inTable = cellsBetween(grid, sheet, r, column0, lastColumn);
            if (inTable.isEmpty()) {
                break;
            }
            dataRows.add(new DataRow(r, inTable));
        }
        List<Integer> strays = new ArrayList<>();
        for (int below : grid.rows(sheet).tailMap(r, false).keySet()) {
            Map<Integer, String> cells = cellsBetween(grid, sheet, below, column0, lastColumn);
            if (cells.values().stream().anyMatch(v -> ruleTableName(v) != null)) {
                break;
            }
            if (!cells.isEmpty()) {
                strays.add(below);
            }
        }
        return new Table(name, sheet, row0, column0, columns, dataRows, strays);
    }

    private static Map<Integer, String> cellsBetween(SheetGrid grid, String sheet, int row0, int firstColumn, int lastColumn) {
        TreeMap<Integer, SheetGrid.Cell> cells = grid.rows(sheet).get(row0);
        Map<Integer, String> inTable = new TreeMap<>();
        if (cells != null) {
            cells.subMap(firstColumn, true, lastColumn, true).values().forEach(cell -> inTable.put(cell.column(), cell.value()));
        }
        return inTable;
    }
}
