package trimtab.api.database;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/** Binds a Java value to a statement parameter by its type; the few types the schema uses. */
public final class JdbcValues {
    private JdbcValues() {
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof BigDecimal d) {
            statement.setBigDecimal(index, d);
        } else if (value instanceof Integer i) {
            statement.setInt(index, i);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof LocalDate d) {
            statement.setDate(index, Date.valueOf(d));
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (value instanceof Instant t) {
            statement.setTimestamp(index, Timestamp.from(t));
        } else {
            throw new IllegalArgumentException("no JDBC binding for " + value.getClass().getName());
        }
    }
}
