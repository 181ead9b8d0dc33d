package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.ServerProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in after the Argon2 settings changed replaces the stored hash with one made under the new settings. */
class PasswordRehashTest {
    @TempDir
    Path dataDir;

    private String storedHash(String username) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("confab.db"));
             PreparedStatement st = c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aHashWithOldParametersIsReplacedAtSignIn() throws SQLException {
        String username;
        try (ServerProcess before = TestServers.relaxed().dataDir(dataDir).build().start()) {
            username = TestUser.register(before, "rehash").username.toLowerCase();
        }
        assertThat(storedHash(username)).startsWith("$argon2id$").contains("m=256,");
        try (ServerProcess after = TestServers.relaxed().dataDir(dataDir).set("security.argon2.memory-kib", "512").build().start()) {
            TestUser.login(after.baseUrl(), username, TestUser.PASSWORD, null);
            assertThat(storedHash(username)).contains("m=512,");
            TestUser.login(after.baseUrl(), username, TestUser.PASSWORD, null);
        }
    }
}
