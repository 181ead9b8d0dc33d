package dev.confab.client.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.testkit.AtRest;
import dev.confab.client.testing.Seeded;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    private static final AtomicLong SEEDS = new AtomicLong(42);

    @TempDir
    Path dir;

    /** Seeded (a new seed per store opened, as two stores never share a generator). */
    private static SecureRandom random() {
        return Seeded.secureRandom(SEEDS.incrementAndGet());
    }

    @Test
    void aStoreOfTheFirstSchemaIsUpgradedAndKeepsItsData() throws Exception {
        Profile profile = new Profile(dir.resolve("p"));
        try (LocalStore store = LocalStore.open(profile, random())) {
            store.putSetting("kept", "across the upgrade");
            // Back to what version 1 wrote: no held_for_trust column.
            store.write(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE messages DROP COLUMN held_for_trust");
                    s.execute("PRAGMA user_version = 1");
                }
                return null;
            });
        }
        try (LocalStore upgraded = LocalStore.open(profile, random())) {
            assertThat(upgraded.setting("kept")).contains("across the upgrade");
            int columns = upgraded.read(c -> {
                try (java.sql.Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM pragma_table_info('messages') WHERE name = 'held_for_trust'")) {
                    return r.next() ? r.getInt(1) : 0;
                }
            });
            assertThat(columns).isEqualTo(1);
        }
    }

    @Test
    void settingsRoundTripAndAreEncryptedAtRest() throws Exception {
        Profile profile = new Profile(dir.resolve("p"));
        try (LocalStore store = LocalStore.open(profile, random())) {
            store.putSetting("session_token", "token-that-must-not-leak-1234567890");
            assertThat(store.setting("session_token")).contains("token-that-must-not-leak-1234567890");
            store.putSetting("session_token", null);
            assertThat(store.setting("session_token")).isEmpty();
            store.putSetting("session_token", "token-that-must-not-leak-1234567890");
        }
        byte[] atRest = AtRest.filesIn(profile.dir(), "store.db", "store.db-wal", "store.db-shm");
        assertThat(atRest.length).isPositive();
        assertThat(AtRest.contains(atRest, "token-that-must-not-leak")).isFalse();
        try (LocalStore reopened = LocalStore.open(profile, random())) {
            assertThat(reopened.setting("session_token")).contains("token-that-must-not-leak-1234567890");
        }
    }

    @Test
    void keyFileAndDirectoryAreOwnerOnly() throws Exception {
        Profile profile = new Profile(dir.resolve("p"));
        LocalStore.open(profile, random()).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.keyFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.dir()))).isEqualTo("rwx------");
        assertThat(Files.size(profile.keyFile())).isEqualTo(32);
    }

    @Test
    void swappingTwoRowsIsDetected() {
        Profile profile = new Profile(dir.resolve("p"));
        try (LocalStore store = LocalStore.open(profile, random())) {
            store.putSetting("a", "value of a");
            store.putSetting("b", "value of b");
            store.write(c -> {
                byte[] a = value(c, "a");
                byte[] b = value(c, "b");
                set(c, "a", b);
                set(c, "b", a);
                return null;
            });
            assertThatThrownBy(() -> store.setting("a")).isInstanceOf(StoreException.class).hasMessageContaining("integrity");
            assertThatThrownBy(() -> store.setting("b")).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void aRecordOfOneTableDoesNotOpenAsAnother() {
        try (LocalStore store = LocalStore.open(new Profile(dir.resolve("p")), random())) {
            byte[] sealed = store.seal("messages", "row-1", "secret".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(store.unseal("messages", "row-1", sealed), StandardCharsets.UTF_8)).isEqualTo("secret");
            assertThatThrownBy(() -> store.unseal("drafts", "row-1", sealed)).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.unseal("messages", "row-2", sealed)).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void aStoreWithoutItsKeyIsRefusedWithAClearMessage() throws Exception {
        Profile profile = new Profile(dir.resolve("p"));
        LocalStore.open(profile, random()).close();
        Files.delete(profile.keyFile());
        assertThatThrownBy(() -> LocalStore.open(profile, random()))
                .isInstanceOf(StoreException.class).hasMessageContaining("store key").hasMessageContaining("missing");
    }

    @Test
    void namedProfilesFollowXdgDataHome() {
        assertThat(Profile.named("alice", java.util.Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/a")).dir())
                .isEqualTo(Path.of("/data/confab/profiles/alice"));
        assertThat(Profile.named("default", java.util.Map.of("HOME", "/home/a")).dir())
                .isEqualTo(Path.of("/home/a/.local/share/confab/profiles/default"));
        assertThatThrownBy(() -> Profile.named("../x", java.util.Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] value(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    private static void set(java.sql.Connection c, String name, byte[] value) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE settings SET value = ? WHERE name = ?")) {
            s.setBytes(1, value);
            s.setString(2, name);
            s.executeUpdate();
        }
    }
}
