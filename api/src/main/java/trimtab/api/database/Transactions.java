package trimtab.api.database;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one way hand-written SQL runs: inside a transaction on the default datasource, with the JDBC connection
 * handed to the work. Used where batches matter (snapshot loading, decision and audit writes, imports);
 * everything in one call commits together or not at all. The one exception is {@link #statement}, for a read that
 * is a single statement and is consistent on its own.
 */
@Singleton
public final class Transactions {
    private final TransactionOperations<Connection> operations;

    private final ConnectionOperations<Connection> connections;

    Transactions(TransactionOperations<Connection> operations, ConnectionOperations<Connection> connections) {
        this.operations = operations;
        this.connections = connections;
    }

    /** Work that reads and writes; committed when it returns, rolled back when it throws. */
    public <T> T write(SqlWork<T> work) {
        return operations.executeWrite(status -> run(work, status.getConnection()));
    }

    /** Work that only reads. */
    public <T> T read(SqlWork<T> work) {
        return operations.executeRead(status -> run(work, status.getConnection()));
    }

    /**
     * One reading statement outside any transaction (autocommit): a statement sees one consistent snapshot by
     * itself, and skipping the transaction saves its control statements (read-only, autocommit off, commit, and
     * back), which cost more than a small indexed read. Never for work of two statements that must agree.
     */
    public <T> T statement(SqlWork<T> work) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> run(work, status.getConnection()));
    }

    private static <T> T run(SqlWork<T> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException("database error: " + e.getMessage(), e);
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
