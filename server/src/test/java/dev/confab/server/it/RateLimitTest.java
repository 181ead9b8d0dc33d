package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits with low configured values produce 429 rate_limited with Retry-After; the same server logs as
 * JSON lines (one access line per request, never a token or password) and counts rejections in /metrics.
 * WebSocket messages are limited per session, across its connections; password checks of password changes and
 * account deletions count against the sign-in limit of the username.
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
                .set("limits.ws-messages-per-session", "5/1m")
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
        TestUser carol = TestUser.register(server, "rl"); // signing in took one of carol's three password checks
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

        TestUser bobPhone = TestUser.login(server.baseUrl(), bob.username, TestUser.PASSWORD, null);
        try (WsClient one = bobPhone.ws(); WsClient two = bobPhone.ws()) {
            List<JsonNode> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(one.request("ping", Map.of()));
                answers.add(two.request("ping", Map.of()));
            }
            assertThat(answers.subList(0, 5)).as("two connections of one session share its limit")
                    .allMatch(a -> "ack".equals(WsClient.type(a)));
            JsonNode limited = answers.get(5);
            assertThat(limited.get("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.get("details").get("retryAfterSeconds").asLong()).isPositive();
            assertThat(one.isClosed()).isFalse();
            assertThat(two.isClosed()).isFalse();
        }

        Map<String, String> wrongCurrent = Map.of("currentPassword", "not the password", "newPassword", "a new password 77");
        assertThat(carol.api.put("/api/v1/accounts/me/password", wrongCurrent).code()).isEqualTo("wrong_password");
        assertThat(carol.api.delete("/api/v1/accounts/me", Map.of("password", "not the password")).code())
                .isEqualTo("wrong_password");
        assertLimited(carol.api.put("/api/v1/accounts/me/password", Map.of("currentPassword", TestUser.PASSWORD,
                "newPassword", "a new password 77")));
        assertLimited(carol.api.delete("/api/v1/accounts/me", Map.of("password", TestUser.PASSWORD)));
        assertLimited(anon.post("/api/v1/sessions", Map.of("username", carol.username, "password", TestUser.PASSWORD,
                "deviceName", "x")));
        assertThat(carol.api.get("/api/v1/accounts/me").status()).as("the account is untouched").isEqualTo(200);

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
