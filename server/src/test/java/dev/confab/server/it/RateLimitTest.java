package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits with low configured values produce 429 rate_limited with Retry-After; the same server logs as
 * JSON lines (one access line per request, never a token or password) and counts rejections in /metrics.
 */
class RateLimitTest {
    @TempDir
    static Path dataDir;
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        server = ServerProcess.builder().dataDir(dataDir)
                .set("limits.register-per-address", "4/1h")
                .set("limits.sign-in-per-username", "3/1m")
                .set("limits.requests-per-session", "20/1m")
                .set("limits.ws-messages-per-connection", "5/1m")
                .set("log.format", "json")
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertLimited(Api.Reply r) {
        assertThat(r.status()).as("%s", r).isEqualTo(429);
        assertThat(r.code()).isEqualTo("rate_limited");
        long seconds = r.json().get("details").get("retryAfterSeconds").asLong();
        assertThat(seconds).isPositive();
        assertThat(r.headers().get("retry-after")).containsExactly(Long.toString(seconds));
    }

    @Test
    void limitsAnswer429WithRetryAfter() throws Exception {
        TestUser alice = TestUser.register(server, "rl");
        TestUser bob = TestUser.register(server, "rl");
        TestUser.register(server, "rl");
        TestUser.register(server, "rl");
        Api anon = new Api(server.baseUrl(), null);
        assertLimited(anon.post("/api/v1/accounts", Map.of("username", "onetoomany", "password", TestUser.PASSWORD)));

        Map<String, String> wrong = Map.of("username", alice.username, "password", "not the password", "deviceName", "x");
        assertThat(anon.post("/api/v1/sessions", wrong).code()).isEqualTo("wrong_password");
        assertThat(anon.post("/api/v1/sessions", wrong).code()).isEqualTo("wrong_password");
        assertLimited(anon.post("/api/v1/sessions", Map.of("username", alice.username, "password", TestUser.PASSWORD,
                "deviceName", "x")));

        Api.Reply last = null;
        for (int i = 0; i < 25 && (last == null || last.status() == 200); i++) {
            last = bob.api.get("/api/v1/accounts/me");
        }
        assertLimited(last);

        try (WsClient ws = WsClient.connect(server.baseUrl(), TestUser.login(server.baseUrl(), bob.username,
                TestUser.PASSWORD, null).token)) {
            ws.next("welcome");
            List<JsonNode> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                answers.add(ws.request("ping", Map.of()));
            }
            assertThat(answers.subList(0, 5)).allMatch(a -> "ack".equals(WsClient.type(a)));
            JsonNode limited = answers.get(5);
            assertThat(limited.get("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.get("details").get("retryAfterSeconds").asLong()).isPositive();
            assertThat(ws.isClosed()).isFalse();
        }

        String metrics = anon.get("/metrics").body();
        assertThat(metrics).contains("confab_rate_limit_rejections_total{limit=\"register_per_address\"}")
                .contains("confab_rate_limit_rejections_total{limit=\"requests_per_session\"}")
                .contains("confab_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/accounts/me\",status=\"200\"}")
                .contains("confab_ws_connections").contains("jvm_memory_used_bytes");

        List<String> lines = Files.readAllLines(server.dataDir().resolve("server.log")).stream()
                .filter(l -> l.startsWith("{")).toList();
        assertThat(lines).isNotEmpty().allMatch(l -> Api.parse(l) != null);
        assertThat(lines.stream().map(Api::parse)).anyMatch(l -> l.path("formattedMessage").asText()
                .startsWith("GET /api/v1/accounts/me 429") && l.path("kvpList").toString().contains("\"route\""));
        String log = String.join("\n", Files.readAllLines(server.dataDir().resolve("server.log")));
        assertThat(log).doesNotContain(alice.token).doesNotContain(bob.token).doesNotContain(TestUser.PASSWORD);
    }
}
