package trimtab.engine.rules;

/** Spreadsheet cell addresses. */
final class CellRef {
    private CellRef() {
    }

    /** A1-style address of a 0-based row and column: (11, 4) is E12. */
    static String a1(int row0, int column0) {
        return columnLetters(column0) + (row0 + 1);
    }

    static String columnLetters(int column0) {
        StringBuilder letters = new StringBuilder();
        for (int c = column0 + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }
}
