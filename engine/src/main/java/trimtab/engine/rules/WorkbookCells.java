package trimtab.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workbook as text for review: every non-empty cell on a line of its own, {@code Drift!E8: 10}, sheet by sheet
 * in workbook order, row by row, left to right. A cell merged across columns is written once at its first
 * column with the extent, {@code Drift!C3: $d : ClassDrift [merged C3:E3]}, so un-merging it shows as a change.
 * Values are the text the compiler reads (what the rules see), so a diff of two versions' lines shows exactly
 * the cells that changed. The same idea as {@code rules/xlsx2txt.py}, one cell per line instead of one row.
 */
public final class WorkbookCells {
    private WorkbookCells() {
    }

    /**
     * @throws RuleSetRejectedException when the file cannot be read as a workbook (it would not have been stored)
     */
    public static List<String> lines(Workbook workbook) {
        SheetGrid grid = RuleSetCompiler.cells(workbook);
        List<String> lines = new ArrayList<>();
        for (String sheet : grid.sheetNames()) {
            for (Map.Entry<Integer, TreeMap<Integer, SheetGrid.Cell>> row : grid.rows(sheet).entrySet()) {
                for (SheetGrid.Cell cell : row.getValue().values()) {
                    if (cell.isMerged() && cell.mergedFrom() != cell.column()
                            && row.getValue().containsKey(cell.mergedFrom())) {
                        continue; // written with the first cell of its merged region
                    }
                    lines.add(sheet + "!" + CellRef.a1(cell.row(), cell.column()) + ": " + oneLine(cell.value())
                            + mergedExtent(cell, row.getValue()));
                }
            }
        }
        return lines;
    }

    private static String mergedExtent(SheetGrid.Cell first, TreeMap<Integer, SheetGrid.Cell> row) {
        if (!first.isMerged()) {
            return "";
        }
        int last = first.column();
        for (SheetGrid.Cell next : row.tailMap(first.column(), false).values()) {
            if (next.column() != last + 1 || next.mergedFrom() != first.mergedFrom()) {
                break;
            }
            last = next.column();
        }
        return last == first.column() ? "" : " [merged " + CellRef.a1(first.row(), first.column()) + ":"
                + CellRef.a1(first.row(), last) + "]";
    }

    private static String oneLine(String value) {
        return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }
}
