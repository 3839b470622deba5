package trimtab.api.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes many rows with one prepared statement sent once: {@code INSERT INTO t (a, b) VALUES (?, ?)} with a JDBC
 * batch of every row's parameters, which MariaDB Connector/J sends as one bulk command ({@code COM_STMT_BULK_EXECUTE},
 * its default for inserts since 3.2) in the binary protocol. One INSERT per row costs a round trip each; one
 * multi-row INSERT text costs the escaping of every string by the driver and the parsing of the whole text by the
 * server, which bounded recording screening decisions (the driver's escaping was the top frame of the profile).
 * A single row goes as a plain prepared INSERT.
 */
public final class MultiRowInsert {
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
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table + " (" + String.join(",", columns) + ") VALUES ("
                + String.join(",", Collections.nCopies(columns.size(), "?")) + ")"
                + (updatedOnDuplicate.isEmpty() ? "" : " ON DUPLICATE KEY UPDATE " + String.join(",",
                updatedOnDuplicate.stream().map(c -> c + " = VALUES(" + c + ")").toList()));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (rows.size() == 1) {
                // one row goes as one statement: a bulk command is prepared on the server, executed and closed, three
                // commands where one does (at a steady pace most screening groups write one request row)
                bind(statement, rows.get(0));
                statement.executeUpdate();
                return;
            }
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            JdbcValues.bind(statement, i + 1, row[i]);
        }
    }
}
