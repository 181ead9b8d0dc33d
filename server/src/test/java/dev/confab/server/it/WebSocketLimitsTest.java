package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one account may hold open on the event WebSocket: two connections per session (a third replaces the
 * oldest, close code 4001), three per account here (a fourth upgrade gets 429 with a JSON body), and frames up to
 * the configured size, which governs whatever the protocol's default is.
 */
class WebSocketLimitsTest {
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        server = TestServers.relaxed()
                .set("limits.ws-connections-per-session", "2")
                .set("limits.ws-connections-per-user", "3")
                .set("limits.max-ws-frame-bytes", "262144")
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aThirdConnectionOfASessionClosesTheOldest() {
        TestUser user = TestUser.register(server, "wl");
        try (WsClient first = user.ws(); WsClient second = user.ws(); WsClient third = user.ws()) {
            assertThat(first.awaitClose()).isEqualTo(4001);
            second.ok("ping", Map.of());
            third.ok("ping", Map.of());
            assertThat(second.isClosed()).isFalse();
        }
    }

    @Test
    void anAccountWithEveryConnectionOpenGets429() throws IOException {
        TestUser laptop = TestUser.register(server, "wl");
        TestUser phone = laptop.newDevice();
        TestUser tablet = laptop.newDevice();
        TestUser desk = laptop.newDevice();
        try (WsClient a = laptop.ws(); WsClient b = phone.ws(); WsClient c = tablet.ws();
             RawWebSocket refused = RawWebSocket.upgrade(server.port(), "Bearer " + desk.token, "1", 0)) {
            String response = refused.response();
            assertThat(response).startsWith("HTTP/1.1 429").contains("\"code\":\"rate_limited\"")
                    .containsIgnoringCase("Retry-After:");
            a.ok("ping", Map.of());
        }
        await("the desk connects once the others closed").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> {
                    try (WsClient again = desk.ws()) {
                        again.ok("ping", Map.of());
                        return true;
                    }
                });
    }

    @Test
    void theConfiguredFrameLimitGoverns() {
        TestUser user = TestUser.register(server, "wl");
        try (WsClient ws = user.ws()) {
            JsonNode big = ws.request("ping", Map.of("pad", "x".repeat(200_000)));
            assertThat(WsClient.type(big)).as("a 200 KB frame under a 256 KiB limit: %s", big).isEqualTo("ack");
            ws.sendRaw("{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"" + "x".repeat(300_000) + "\"}");
            JsonNode tooBig = ws.next("error");
            assertThat(tooBig.get("code").asText()).isEqualTo("too_large");
            assertThat(tooBig.get("message").asText()).contains("262144");
        }
    }
}
