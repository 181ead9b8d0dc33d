package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.ServerProcess;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading costs the server a bounded amount of memory and no more than a bounded time, even
 * while it keeps pinging: 200 large inbox items (5 MB) are pushed to a device whose socket never reads, and the
 * server drops it - once its queued frames pass the byte budget, or once a write has waited past the write
 * timeout - so its contact sees it go offline.
 */
class SlowReaderTest {
    private static final int ITEMS = 200;

    @Test
    void aClientPastItsByteBudgetIsDisconnected() throws IOException {
        try (ServerProcess server = TestServers.relaxed()
                .set("limits.ws-outbound-bytes", "65536")
                .set("limits.ws-write-timeout-seconds", "3600")
                .build().start()) {
            readerIsDropped(server);
        }
    }

    @Test
    void aClientThatPingsButNeverReadsIsDroppedAfterTheWriteTimeout() throws IOException {
        try (ServerProcess server = TestServers.relaxed()
                .set("ws.heartbeat-seconds", "1")
                .set("limits.ws-write-timeout-seconds", "2")
                .set("limits.ws-outbound-bytes", "268435456")
                .build().start()) {
            readerIsDropped(server);
        }
    }

    private static void readerIsDropped(ServerProcess server) throws IOException {
        TestUser reader = TestUser.register(server, "slow").withKeys();
        TestUser sender = TestUser.register(server, "slow").withKeys();
        TestUser.befriend(reader, sender);
        for (int i = 0; i < ITEMS; i++) {
            Api.Reply sent = sender.api.post("/api/v1/messages", TestUser.message("big-" + i, reader.userId,
                    List.of(reader.deviceId), 20 * 1024));
            assertThat(sent.status()).as("send %d: %s", i, sent).isEqualTo(201);
        }
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        try (WsClient senderWs = sender.ws()) {
            senderWs.next("presence", m -> m.get("userId").asText().equals(reader.userId));
            try (RawWebSocket slow = RawWebSocket.upgrade(server.port(), "Bearer " + reader.token, "1", 4096)) {
                pinger.scheduleAtFixedRate(() -> {
                    try {
                        slow.ping();
                    } catch (IOException e) {
                        // dropped by the server: nothing more to ping
                    }
                }, 0, 250, TimeUnit.MILLISECONDS);
                senderWs.next("presence", m -> m.get("userId").asText().equals(reader.userId)
                        && m.get("state").asText().equals("online"));
                senderWs.next("presence", m -> m.get("userId").asText().equals(reader.userId)
                        && m.get("state").asText().equals("offline"));
            }
        } finally {
            pinger.shutdownNow();
        }
        String metrics = new Api(server.baseUrl(), null).get("/metrics").body();
        assertThat(metrics.lines().filter(l -> l.startsWith("confab_ws_slow_client_closed_total "))
                .map(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))).containsExactly(1.0);
    }
}
