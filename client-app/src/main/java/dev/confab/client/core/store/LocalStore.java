package dev.confab.client.core.store;

import dev.confab.crypto.CryptoException;
import dev.confab.crypto.store.StoreCipher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

/**
 * The profile's SQLite store ({@code store.db}). Everything sensitive is kept as an AES-256-GCM record
 * ({@link StoreCipher}) whose associated data names the table and the row's identity ({@link #seal}), so a
 * record moved to another row, or another table, fails to decrypt instead of being read as that row's value.
 * Only ids, states, times and order stay in clear, for indexing.
 *
 * <p>The key comes from {@link StoreKey}: see there for why it is a random key in an owner-only file and never
 * derived from the password.
 *
 * <p>Thread-safe: one JDBC connection, every access serialized on this object; {@link #write} runs its body in
 * one transaction. Another process on the same profile (a running {@code confab watch} beside a one-shot
 * {@code confab send}) waits for the file lock up to 5 s.
 */
public final class LocalStore implements AutoCloseable {
    private static final String AAD_LABEL = "confab-store-v1";
    private static final int SCHEMA_VERSION = 3;

    /** A unit of work on the connection; runs on the caller's thread while the store's lock is held. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Profile profile;
    private final Connection connection;
    private final StoreCipher cipher;
    private int depth;

    private LocalStore(Profile profile, Connection connection, StoreCipher cipher) {
        this.profile = profile;
        this.connection = connection;
        this.cipher = cipher;
    }

    /** Opens (making if needed) the store of {@code profile}. */
    public static LocalStore open(Profile profile, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        profile.create();
        byte[] key = StoreKey.loadOrCreate(profile, random);
        StoreCipher cipher;
        try {
            cipher = new StoreCipher(key, random);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + profile.database());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            LocalStore store = new LocalStore(profile, connection, cipher);
            store.migrate();
            restrict(profile.database());
            return store;
        } catch (SQLException e) {
            throw new StoreException("Cannot open the local store " + profile.database() + ": " + e.getMessage(), e);
        }
    }

    public Profile profile() {
        return profile;
    }

    // ---- encryption bound to rows

    /** Encrypts {@code plaintext} for the row {@code rowKey} of {@code table}. */
    public byte[] seal(String table, String rowKey, byte[] plaintext) {
        return cipher.encrypt(plaintext, aad(table, rowKey));
    }

    /** Decrypts a record of row {@code rowKey} of {@code table}; a moved or altered record is a {@link StoreException}. */
    public byte[] unseal(String table, String rowKey, byte[] sealed) {
        try {
            return cipher.decrypt(sealed, aad(table, rowKey));
        } catch (CryptoException e) {
            throw new StoreException("A record of the local store (" + table + ") failed its integrity check: "
                    + "the store was altered or damaged.", e);
        }
    }

    private static byte[] aad(String table, String rowKey) {
        return (AAD_LABEL + "\u0000" + table + "\u0000" + rowKey).getBytes(StandardCharsets.UTF_8);
    }

    // ---- settings: small encrypted values by name

    public synchronized Optional<String> setting(String name) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next()
                            ? Optional.of(new String(unseal("settings", name, r.getBytes(1)), StandardCharsets.UTF_8))
                            : Optional.empty();
                }
            }
        });
    }

    /** Sets a setting; null deletes it. */
    public synchronized void putSetting(String name, String value) {
        write(c -> {
            if (value == null) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM settings WHERE name = ?")) {
                    s.setString(1, name);
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO settings(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")) {
                    s.setString(1, name);
                    s.setBytes(2, seal("settings", name, value.getBytes(StandardCharsets.UTF_8)));
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    // ---- access

    /** Runs {@code work} under the store's lock, outside a transaction (for reads). */
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Reading the local store failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction (nested calls join the outer one). */
    public synchronized <T> T write(Work<T> work) {
        if (depth > 0) {
            return read(work);
        }
        try {
            connection.setAutoCommit(false);
            depth++;
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                depth--;
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Writing the local store failed: " + e.getMessage(), e);
        }
    }

    /** Deletes every row (the account was deleted); the key and file stay for the next sign-in. */
    public synchronized void wipe() {
        write(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"settings", "pinned_devices", "outbox", "messages", "drafts", "call_log"}) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Closing the local store failed: " + e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            version = r.next() ? r.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
            throw new StoreException("The local store was written by a newer Confab (schema " + version + "); update Confab.");
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        write(c -> {
            try (Statement s = c.createStatement()) {
                if (version < 1) {
                    createVersion1(s);
                }
                if (version < 2) {
                    // A message refused because the peer's keys changed waits for the user's trust, then goes again.
                    s.execute("ALTER TABLE messages ADD COLUMN held_for_trust INTEGER NOT NULL DEFAULT 0");
                }
                if (version < 3) {
                    createCallLog(s);
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return null;
        });
    }

    private static void createVersion1(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS settings(name TEXT PRIMARY KEY, value BLOB NOT NULL)");
        s.execute("""
                CREATE TABLE IF NOT EXISTS pinned_devices(
                    user_id TEXT NOT NULL, device_id TEXT NOT NULL, data BLOB NOT NULL,
                    PRIMARY KEY(user_id, device_id))""");
        s.execute("""
                CREATE TABLE IF NOT EXISTS messages(
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    peer_id TEXT NOT NULL, sender_id TEXT NOT NULL, message_id TEXT NOT NULL,
                    outgoing INTEGER NOT NULL, state TEXT NOT NULL, server_ts INTEGER NOT NULL,
                    read_pending INTEGER NOT NULL DEFAULT 0, problem TEXT, body BLOB NOT NULL,
                    UNIQUE(sender_id, message_id))""");
        s.execute("CREATE INDEX IF NOT EXISTS messages_by_peer ON messages(peer_id, seq)");
        s.execute("""
                CREATE TABLE IF NOT EXISTS outbox(
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL UNIQUE, peer_id TEXT NOT NULL)""");
        s.execute("CREATE TABLE IF NOT EXISTS drafts(peer_id TEXT PRIMARY KEY, body BLOB NOT NULL)");
    }

    /** Version 3: the calls of this device, for the call history (ids, kinds, times and reasons only). */
    private static void createCallLog(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS call_log(
                    call_id TEXT PRIMARY KEY, peer_id TEXT NOT NULL, outgoing INTEGER NOT NULL,
                    video INTEGER NOT NULL, started INTEGER NOT NULL, answered INTEGER, ended INTEGER NOT NULL,
                    end_reason TEXT NOT NULL, missed INTEGER NOT NULL)""");
        s.execute("CREATE INDEX IF NOT EXISTS call_log_by_peer ON call_log(peer_id, started)");
    }

    private static void restrict(java.nio.file.Path file) {
        if (!Profile.posix()) {
            return;
        }
        try {
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (java.io.IOException e) {
            // The directory is owner-only already; the file's own mode is a second fence.
        }
    }
}
