package dev.confab.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.confab.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the configured database: migrates its schema with Flyway (the same SQL files for SQLite and
 * PostgreSQL), then builds the connection pools. SQLite runs in WAL mode with foreign keys, a busy timeout,
 * {@code secure_delete} (freed cells are zeroed, so acknowledged ciphertext does not linger in the file) and
 * immediate write transactions on a single writer connection. Stateless; {@link #open} may be called from any
 * thread (the server calls it once, at start).
 */
public final class DatabaseFactory {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private DatabaseFactory() {}

    public static Database open(ServerConfig.Database config) {
        if (config.isSqlite()) {
            return openSqlite(config);
        }
        migrate(hikari(config, config.poolSize(), "confab-migrate", null));
        HikariDataSource pool = hikari(config, config.poolSize(), "confab-db", null);
        return new Database(Database.Kind.POSTGRESQL, pool, pool);
    }

    private static Database openSqlite(ServerConfig.Database config) {
        Path file = Path.of(config.url().substring("jdbc:sqlite:".length()));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for " + file, e);
        }
        SQLiteDataSource writerSource = sqlite(config.url(), SQLiteConfig.TransactionMode.IMMEDIATE);
        migrateWith(writerSource);
        HikariDataSource writer = hikari(config, 1, "confab-db-writer", writerSource);
        HikariDataSource readers = hikari(config, config.poolSize(), "confab-db-readers",
                sqlite(config.url(), SQLiteConfig.TransactionMode.DEFERRED));
        return new Database(Database.Kind.SQLITE, readers, writer);
    }

    private static SQLiteDataSource sqlite(String url, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(mode);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setJournalSizeLimit(0);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    private static HikariDataSource hikari(ServerConfig.Database config, int size, String name, DataSource source) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(name);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(Math.min(size, 2));
        hc.setConnectionTimeout(10_000);
        hc.setValidationTimeout(2_000);
        hc.setInitializationFailTimeout(30_000);
        if (source != null) {
            hc.setDataSource(source);
        } else {
            hc.setJdbcUrl(config.url());
            if (!config.user().isEmpty()) {
                hc.setUsername(config.user());
            }
            if (!config.password().isEmpty()) {
                hc.setPassword(config.password());
            }
        }
        return new HikariDataSource(hc);
    }

    private static void migrate(HikariDataSource source) {
        try (source) {
            migrateWith(source);
        }
    }

    private static void migrateWith(DataSource source) {
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
