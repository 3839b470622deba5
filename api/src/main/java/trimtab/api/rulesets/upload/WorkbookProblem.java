package trimtab.api.rulesets.upload;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A refused workbook as problem details: the usual fields, and every problem found with its place both as one
 * readable {@code path} ("sheet Trading, cell G8 (row 8, rule TRADE-MIN-01)") and as separate fields a program can
 * use. A client that reads only {@code path} and {@code message} sees the same shape as every other problem.
 */
@Serdeable
public record WorkbookProblem(String type, String title, int status, String detail, String instance, List<WorkbookError> errors) {

    /**
     * One problem of the workbook.
     *
     * @param path    where, in words: "sheet Trading, cell G8 (row 8, rule TRADE-MIN-01)", "sheet Drift, row 7", or
     *                "file" for the file as a whole
     * @param sheet   the sheet, or null when the file as a whole is at fault
     * @param cell    the A1 address, or null
     * @param row     the 1-based spreadsheet row, or null
     * @param ruleId  the rule id of that row, or null
     */
    @Serdeable
    public record WorkbookError(String path, String message, String workbook, @Nullable String sheet, @Nullable String cell,
                                @Nullable Integer row, @Nullable String ruleId) {
    }
}
