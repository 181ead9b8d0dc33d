package dev.confab.server.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs units of work against the database. Reads use a pool of connections; writes run in a transaction on the
 * write pool, which for SQLite holds a single connection, so writers queue in the JVM instead of fighting over
 * SQLite's file lock (for PostgreSQL both pools are the same). Thread-safe.
 */
public final class Database implements AutoCloseable {
    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Which engine is behind the URL. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final Kind kind;
    private final HikariDataSource readers;
    private final HikariDataSource writer;
    private final AtomicBoolean closed = new AtomicBoolean();

    Database(Kind kind, HikariDataSource readers, HikariDataSource writer) {
        this.kind = kind;
        this.readers = readers;
        this.writer = writer;
    }

    public Kind kind() {
        return kind;
    }

    /** Runs read-only work with auto-commit. */
    public <T> T read(Work<T> work) {
        try (Connection c = readers.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DataAccessException.of(e);
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(Work<T> work) {
        try (Connection c = writer.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DataAccessException.of(e);
        }
    }

    /** Whether the database answers a trivial query within {@code timeoutSeconds}. */
    public boolean answers(int timeoutSeconds) {
        if (closed.get()) {
            return false;
        }
        try (Connection c = readers.getConnection(); var st = c.createStatement()) {
            st.setQueryTimeout(timeoutSeconds);
            st.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The raw write pool, for maintenance statements that must run outside a transaction. */
    HikariDataSource writePool() {
        return writer;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (writer != readers) {
                writer.close();
            }
            readers.close();
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
