package trimtab.api.custodianimport;

import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bad lines of a file, each named as a person finds it in a spreadsheet: {@code line 7, column quantity (7)},
 * with line numbers as in the file (the header is line 1). All are collected before the file is refused, so a
 * file is fixed in one round.
 */
final class LineErrors {
    /** A response listing more places than this is no more useful and could be very large. */
    static final int MAX_LISTED = 1000;

    private record LineError(int line, int column, String path, String message) {
    }

    private final List<LineError> errors = new ArrayList<>();

    /** A problem with the line as a whole. */
    void add(int line, String message) {
        errors.add(new LineError(line, 0, "line " + line, message));
    }

    /** A problem with one field: the column's name and its number (the first column is 1). */
    void add(int line, String columnName, int columnNumber, String message) {
        errors.add(new LineError(line, columnNumber, "line " + line + ", column " + columnName + " (" + columnNumber + ")", message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Refuses the file with 422, listing the bad places in file order. */
    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        List<LineError> sorted = errors.stream().sorted(Comparator.comparingInt(LineError::line).thenComparingInt(LineError::column)).toList();
        List<Problem.FieldError> listed = sorted.stream().limit(MAX_LISTED).map(e -> new Problem.FieldError(e.path(), e.message())).toList();
        long badLines = sorted.stream().mapToInt(LineError::line).distinct().count();
        String detail = "the file was not imported: " + badLines + (badLines == 1 ? " line has" : " lines have") + " problems"
                + " (first: " + listed.get(0).path() + ": " + listed.get(0).message() + ")"
                + (sorted.size() > listed.size() ? "; the first " + listed.size() + " of " + sorted.size() + " are listed" : "");
        throw ApiException.invalid(detail, listed);
    }
}
