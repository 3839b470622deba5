package trimtab.api.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes many rows with few statements: {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ...} in chunks. One
 * INSERT per decision costs a round trip and a log write each, and that, not Drools, bounded screening
 * throughput; the rows of one request go in one statement and one commit.
 */
public final class MultiRowInsert {
    /** Keeps a statement's placeholders well under the protocol's 65,535 limit whatever the column count. */
    private static final int MAX_PLACEHOLDERS = 30_000;

    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private List<String> updatedOnDuplicate = List.of();

    private MultiRowInsert(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    public static MultiRowInsert into(String table, String... columns) {
        return new MultiRowInsert(table, List.of(columns));
    }

    /** Adds a row; values in column order (String, BigDecimal, Integer, Long, Boolean, LocalDate, Instant or null). */
    public MultiRowInsert row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
        return this;
    }

    /** Makes it an upsert: a row whose key exists updates these columns to the values sent instead. */
    public MultiRowInsert onDuplicateKeyUpdate(String... columnsToUpdate) {
        this.updatedOnDuplicate = List.of(columnsToUpdate);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Inserts every row added, on the caller's connection and inside its transaction. */
    public void execute(Connection connection) throws SQLException {
        int perStatement = Math.max(1, MAX_PLACEHOLDERS / columns.size());
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            String tuple = "(" + String.join(",", Collections.nCopies(columns.size(), "?")) + ")";
            String sql = "INSERT INTO " + table + " (" + String.join(",", columns) + ") VALUES "
                    + String.join(",", Collections.nCopies(chunk.size(), tuple))
                    + (updatedOnDuplicate.isEmpty() ? "" : " ON DUPLICATE KEY UPDATE " + String.join(",",
                    updatedOnDuplicate.stream().map(c -> c + " = VALUES(" + c + ")").toList()));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        JdbcValues.bind(statement, index++, value);
                    }
                }
                statement.executeUpdate();
            }
        }
    }
}
