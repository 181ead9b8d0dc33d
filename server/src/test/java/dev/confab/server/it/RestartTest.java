package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and restart on the same data directory: unacknowledged inbox items come back in order, acknowledged ones
 * never do, sessions survive, and presence is rebuilt from the clients that reconnect. A graceful stop closes
 * WebSockets with 1001.
 */
class RestartTest {
    @TempDir
    static Path dataDir;
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        server = TestServers.relaxed().dataDir(dataDir).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<JsonNode> messages(WsClient ws, int n) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ws.next("inbox"));
        }
        return out;
    }

    @Test
    void unacknowledgedItemsSurviveAKillInOrderAndPresenceIsRebuilt() {
        TestUser alice = TestUser.register(server, "rs").withKeys();
        TestUser bob = TestUser.register(server, "rs").withKeys();
        TestUser.befriend(alice, bob);
        for (int i = 1; i <= 5; i++) {
            assertThat(alice.api.post("/api/v1/messages", TestUser.message("rs-" + i, bob.userId, List.of(bob.deviceId)))
                    .status()).isEqualTo(201);
        }
        List<JsonNode> first;
        try (WsClient bobWs = bob.ws()) {
            first = messages(bobWs, 5);
            bobWs.ok("inbox.ack", Map.of("upToSeq", first.get(1).get("seq").asLong()));
            server.kill();
            bobWs.awaitClose();
        }
        server.start();

        try (WsClient again = bob.ws()) {
            List<JsonNode> redelivered = messages(again, 3);
            assertThat(redelivered).extracting(m -> m.get("item").get("messageId").asText()).containsExactly("rs-3", "rs-4", "rs-5");
            assertThat(redelivered).extracting(m -> m.get("seq").asLong()).containsExactlyElementsOf(
                    first.subList(2, 5).stream().map(m -> m.get("seq").asLong()).toList());
            again.assertNone("inbox");
            try (WsClient aliceWs = alice.ws()) {
                again.next("presence", m -> m.get("userId").asText().equals(alice.userId) && m.get("state").asText().equals("online"));
                assertThat(aliceWs.next("presence").get("state").asText()).isEqualTo("online");
            }
        }
    }

    @Test
    void aGracefulStopClosesWebSocketsWithGoingAway() {
        TestUser carol = TestUser.register(server, "rs");
        try (WsClient ws = carol.ws()) {
            server.stop();
            assertThat(ws.awaitClose()).isEqualTo(1001);
        }
        server.start();
        assertThat(carol.api.get("/api/v1/accounts/me").status()).isEqualTo(200);
    }
}
