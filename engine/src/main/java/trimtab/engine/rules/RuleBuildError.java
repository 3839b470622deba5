package trimtab.engine.rules;

/**
 * One reason a workbook was refused, located as precisely as the problem allows.
 *
 * @param sheet  the sheet (the file name for a CSV), or empty when the whole file is at fault
 * @param cell   an A1 address such as {@code E12}, or empty
 * @param row    the 1-based spreadsheet row, or 0 when unknown
 * @param ruleId the rule id of that row, or empty
 */
public record RuleBuildError(String workbook, String sheet, String cell, int row, String ruleId, String message) {

    public RuleBuildError {
        sheet = sheet == null ? "" : sheet;
        cell = cell == null ? "" : cell;
        ruleId = ruleId == null ? "" : ruleId;
    }

    static RuleBuildError ofWorkbook(String workbook, String message) {
        return new RuleBuildError(workbook, "", "", 0, "", message);
    }

    static RuleBuildError atCell(String workbook, String sheet, int row0, int column0, String ruleId, String message) {
        return new RuleBuildError(workbook, sheet, CellRef.a1(row0, column0), row0 + 1, ruleId, message);
    }

    /** "triggers.drl.xlsx, sheet Drift, cell E12 (rule DRIFT-ABS-01): ..." */
    public String located() {
        StringBuilder where = new StringBuilder(workbook);
        if (!sheet.isEmpty()) {
            where.append(", sheet ").append(sheet);
        }
        if (!cell.isEmpty()) {
            where.append(", cell ").append(cell);
        } else if (row > 0) {
            where.append(", row ").append(row);
        }
        if (!ruleId.isEmpty()) {
            where.append(" (rule ").append(ruleId).append(')');
        }
        return where + ": " + message;
    }

    @Override
    public String toString() {
        return located();
    }
}
