package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness: a client that answers the server's pings stays connected; one that falls silent (a vanished laptop)
 * is dropped after three heartbeats, and its contacts see it go offline.
 */
class HeartbeatTest {
    @TempDir
    Path dataDir;

    @Test
    void aSilentClientIsDroppedAndShownOffline() throws IOException {
        try (ServerProcess server = TestServers.relaxed().dataDir(dataDir).set("ws.heartbeat-seconds", "1").build().start()) {
            TestUser alice = TestUser.register(server, "hb");
            TestUser bob = TestUser.register(server, "hb");
            TestUser.befriend(alice, bob);
            try (WsClient bobWs = bob.ws()) {
                bobWs.next("presence", m -> m.get("userId").asText().equals(alice.userId));
                try (RawWebSocket silent = RawWebSocket.upgrade(server.port(), "Bearer " + alice.token, null, 0)) {
                    bobWs.next("presence", m -> m.get("userId").asText().equals(alice.userId)
                            && m.get("state").asText().equals("online"));
                    long start = System.nanoTime();
                    bobWs.next("presence", m -> m.get("userId").asText().equals(alice.userId)
                            && m.get("state").asText().equals("offline"));
                    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                    assertThat(seconds).as("dropped after about three heartbeats").isBetween(2L, 8L);
                    bobWs.ok("ping", Map.of());
                    assertThat(bobWs.isClosed()).as("a client that answers pings stays").isFalse();
                }
            }
        }
    }
}
