package dev.confab.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite only: checkpoints the write-ahead log into the database file and truncates it. Pages that held
 * acknowledged ciphertext are zeroed in the file ({@code secure_delete}), but their old images stay in the
 * WAL until it is truncated; running this periodically bounds how long they linger. Called from one timer.
 */
public final class WalCheckpointer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    private final Database database;

    public WalCheckpointer(Database database) {
        this.database = database;
    }

    @Override
    public void run() {
        if (database.kind() != Database.Kind.SQLITE) {
            return;
        }
        try (Connection c = database.writePool().getConnection(); Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException | RuntimeException e) {
            LOG.warn("WAL checkpoint failed: {}", e.getMessage());
        }
    }
}
