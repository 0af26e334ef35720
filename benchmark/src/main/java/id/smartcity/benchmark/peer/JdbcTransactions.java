package id.smartcity.benchmark.peer;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * JDBC transactions for Axon without Spring: a transaction holds one connection for its thread, and every connection
 * the storage engine, the token store or the projection asks for on that thread is that one, so that a command's
 * events, or a batch's read-model rows and its token, commit together. A transaction started inside another joins
 * it, as Spring's REQUIRED propagation does. Axon starts one per command (the command bus's transaction interceptor:
 * committed when the unit of work commits, before the gateway returns) and one per processor batch.
 * <p>
 * Spring's DataSourceTransactionManager would do the same, but spring-jdbc on the benchmark's class path would switch
 * on Spring Boot's DataSource and Axon's JDBC auto-configuration in the ledger this benchmark measures beside it.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {
    private final DataSource dataSource;
    private final ThreadLocal<Open> open = new ThreadLocal<>();

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The transaction's connection on this thread; closing it leaves it to the transaction. */
    private static final class Open {
        final Connection connection;
        boolean rollbackOnly;

        Open(Connection connection) {
            this.connection = connection;
        }
    }

    @Override
    public Transaction startTransaction() {
        Open current = open.get();
        if (current != null) {
            return new Transaction() {
                @Override
                public void commit() {
                    // the outer transaction commits
                }

                @Override
                public void rollback() {
                    current.rollbackOnly = true;
                }
            };
        }
        Open started;
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            started = new Open(connection);
        } catch (SQLException e) {
            throw new JdbcException("Could not start a transaction", e);
        }
        open.set(started);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    if (started.rollbackOnly) {
                        started.connection.rollback();
                        throw new IllegalStateException("A joined transaction rolled back: nothing was committed");
                    }
                    started.connection.commit();
                } catch (SQLException e) {
                    throw new JdbcException("Could not commit", e);
                } finally {
                    release(started);
                }
            }

            @Override
            public void rollback() {
                try {
                    started.connection.rollback();
                } catch (SQLException e) {
                    throw new JdbcException("Could not roll back", e);
                } finally {
                    release(started);
                }
            }
        };
    }

    /** Outside a transaction, a connection of its own that commits each statement (Axon closes it after use). */
    @Override
    public Connection getConnection() throws SQLException {
        Open current = open.get();
        if (current != null) {
            return ConnectionWrapperFactory.wrap(current.connection, new ConnectionWrapperFactory.NoOpCloseHandler());
        }
        Connection connection = dataSource.getConnection();
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void release(Open transaction) {
        open.remove();
        try {
            transaction.connection.setAutoCommit(true);
            transaction.connection.close();
        } catch (SQLException e) {
            throw new JdbcException("Could not return the connection", e);
        }
    }
}
