package trimtab.api.database;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The one way hand-written SQL runs: inside a transaction on the default datasource, with the JDBC connection
 * handed to the work. Used where batches matter (snapshot loading, decision and audit writes, imports);
 * everything in one call commits together or not at all. Two variants: {@link #statement}, for a read that is a
 * single statement and is consistent on its own, and {@link #inSequence}, for a writer committing one transaction
 * after another on one connection.
 */
@Singleton
public final class Transactions {
    private final TransactionOperations<Connection> operations;

    private final ConnectionOperations<Connection> connections;

    private final DataSource pool;

    Transactions(TransactionOperations<Connection> operations, ConnectionOperations<Connection> connections, DataSource dataSource,
                 DataSourceResolver resolver) {
        this.operations = operations;
        this.connections = connections;
        this.pool = resolver.resolve(dataSource);
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

    /**
     * Transactions one after another on one connection, held for as long as {@code work} runs: for a writer that
     * commits continually (screening's group commits). A transaction of {@link #write} borrows a pooled connection and
     * turns autocommit off and back on around its commit: two statements more, each a round trip and a parse, which
     * at the order system's pace (a group of one or two requests per commit) were a quarter of the statements sent.
     * Here autocommit is off once for the whole sequence. Keep the work to the transactions and the waiting between
     * them: the connection is out of the pool meanwhile.
     */
    public void inSequence(Consumer<Sequence> work) {
        // straight from the pool, not through the connection operations: a transaction begun inside the work (a
        // request written alone after its group failed) must get a connection of its own, not join this one
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.accept(new Sequence(connection));
            } finally {
                handBack(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException("database error: " + e.getMessage(), e);
        }
    }

    /** Leaves nothing open whatever the work did, and autocommit on, as the pool lends connections. */
    private static void handBack(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is gone (the work's own failure says why): the pool drops it when it is closed
        }
    }

    /** The connection of {@link #inSequence}, on which each {@link #write} is one transaction. */
    public static final class Sequence {
        private final Connection connection;

        private Sequence(Connection connection) {
            this.connection = connection;
        }

        /** Work that reads and writes; committed when it returns, rolled back when it throws. */
        public <T> T write(SqlWork<T> work) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollBack(e);
                throw new DataAccessException("database error: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                rollBack(e);
                throw e;
            }
        }

        private void rollBack(Throwable failure) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                failure.addSuppressed(e); // the connection is gone: the pool drops it when the sequence ends
            }
        }
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
