package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/turn-credentials} over HTTP: coturn's shared-secret credentials when TURN is configured,
 * checked with an independent HMAC; an empty list when it is not.
 */
class TurnCredentialsTest {
    private static final String SECRET = "a-coturn-static-auth-secret";

    @Test
    void configuredTurnGetsTimeLimitedCredentialsCoturnAccepts() throws Exception {
        try (ServerProcess server = TestServers.relaxed()
                .set("turn.secret", SECRET)
                .set("turn.urls", "turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349?transport=tcp")
                .set("stun.urls", "stun:turn.example.org:3478")
                .set("turn.ttl-seconds", "600")
                .build().start()) {
            TestUser alice = TestUser.register(server, "tu");
            long before = System.currentTimeMillis() / 1000;
            Api.Reply r = alice.api.get("/api/v1/turn-credentials");
            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.get("ttlSeconds").asLong()).isEqualTo(600);
            JsonNode stun = body.get("iceServers").get(0);
            assertThat(stun.get("urls").get(0).asText()).isEqualTo("stun:turn.example.org:3478");
            assertThat(stun.has("username")).isFalse();
            assertThat(stun.has("credential")).isFalse();

            JsonNode turn = body.get("iceServers").get(1);
            assertThat(turn.get("urls")).hasSize(2);
            String username = turn.get("username").asText();
            assertThat(username).endsWith(":" + alice.userId);
            long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
            assertThat(expiry).isBetween(before + 600 - 5, before + 600 + 60);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            assertThat(turn.get("credential").asText()).isEqualTo(expected);
        }
    }

    @Test
    void withoutTurnTheListIsEmpty() {
        TestUser bob = TestUser.register(TestServers.shared(Db.SQLITE), "tu");
        Api.Reply r = bob.api.get("/api/v1/turn-credentials");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("iceServers")).isEmpty();
        assertThat(r.json().get("ttlSeconds").asLong()).isZero();
    }
}
