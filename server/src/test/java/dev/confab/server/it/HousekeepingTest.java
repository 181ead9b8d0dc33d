package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.ServerProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chores that keep storage bounded, run at start (and hourly): a device unused for longer than
 * {@code devices.expire-after-days} goes with its sessions and inbox, and settled contact requests older than 30
 * days are purged, while everything recent stays. Time is moved by ageing rows while the server is stopped.
 */
class HousekeepingTest {
    private static final long LONG_AGO = 1_000;

    @TempDir
    Path dataDir;

    private void age(String sql, String id) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("confab.db"));
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, LONG_AGO);
            st.setString(2, id);
            assertThat(st.executeUpdate()).as(sql).isPositive();
        }
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("confab.db"));
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Test
    void unusedDevicesAndOldSettledRequestsAreRemovedAtStart() throws SQLException {
        try (ServerProcess server = TestServers.relaxed().dataDir(dataDir).build().start()) {
            TestUser alice = TestUser.register(server, "hk").withKeys();
            TestUser drawer = alice.newDevice().withKeys();
            TestUser bob = TestUser.register(server, "hk").withKeys();
            TestUser carol = TestUser.register(server, "hk");
            TestUser dave = TestUser.register(server, "hk");
            TestUser.befriend(alice, bob);
            assertThat(bob.api.post("/api/v1/messages", TestUser.message("hk-1", alice.userId,
                    List.of(alice.deviceId, drawer.deviceId))).status()).isEqualTo(201);
            String oldDecline = carol.api.post("/api/v1/contact-requests", Map.of("userId", alice.userId)).text("requestId");
            assertThat(alice.api.post("/api/v1/contact-requests/" + oldDecline + "/decline", "").status()).isEqualTo(204);
            String recentDecline = dave.api.post("/api/v1/contact-requests", Map.of("userId", alice.userId)).text("requestId");
            assertThat(alice.api.post("/api/v1/contact-requests/" + recentDecline + "/decline", "").status()).isEqualTo(204);

            server.stop();
            age("UPDATE devices SET last_seen_at = ? WHERE id = ?", drawer.deviceId);
            age("UPDATE sessions SET last_used_at = ? WHERE device_id = ?", drawer.deviceId);
            age("UPDATE contact_requests SET updated_at = ? WHERE id = ?", oldDecline);
            assertThat(count("SELECT COUNT(*) FROM inbox WHERE device_id = ?", drawer.deviceId)).isEqualTo(1);
            server.start();

            await("the unused device expired").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> alice.api.get("/api/v1/devices").json().get("devices").size() == 1);
            assertThat(alice.api.get("/api/v1/devices").json().get("devices").findValuesAsText("deviceId"))
                    .containsExactly(alice.deviceId);
            assertThat(drawer.api.get("/api/v1/accounts/me").status()).isEqualTo(401);
            assertThat(count("SELECT COUNT(*) FROM inbox WHERE device_id = ?", drawer.deviceId)).isZero();
            assertThat(bob.api.get("/api/v1/users/" + alice.userId + "/keys").json().get("devices")).hasSize(1);
            await("the old settled request purged").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count("SELECT COUNT(*) FROM contact_requests WHERE id = ?", oldDecline) == 0);
            assertThat(count("SELECT COUNT(*) FROM contact_requests WHERE id = ?", recentDecline)).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM inbox WHERE device_id = ?", alice.deviceId))
                    .as("the device in use keeps its inbox").isEqualTo(1);
        }
    }
}
