package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of bad input gets its documented code as a JSON error body, and the server keeps serving another
 * user, whose WebSocket stays usable throughout.
 */
class BadInputTest {
    private final ServerProcess server = TestServers.shared(Db.SQLITE);
    private TestUser user;
    private TestUser bystander;
    private WsClient bystanderWs;

    @BeforeEach
    void users() {
        user = TestUser.register(server, "bad");
        bystander = TestUser.register(server, "bad");
        bystanderWs = bystander.ws();
    }

    @AfterEach
    void bystanderStillServed() {
        bystanderWs.ok("ping", Map.of());
        assertThat(bystander.api.get("/api/v1/accounts/me").status()).isEqualTo(200);
        bystanderWs.close();
    }

    private void expect(Api.Reply r, int status, String code) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.code()).as("%s", r).isEqualTo(code);
        assertThat(r.headers().get("content-type")).anyMatch(v -> v.startsWith("application/json"));
    }

    @Test
    void restBodiesThatAreNotTheExpectedJson() {
        String path = "/api/v1/contact-requests";
        expect(user.api.raw("POST", path, "{\"userId\":".getBytes(), "application/json"), 400, "malformed_json");
        expect(user.api.raw("POST", path, "[1,2]".getBytes(), "application/json"), 400, "malformed_json");
        expect(user.api.raw("POST", path, "".getBytes(), "application/json"), 400, "malformed_json");
        expect(user.api.raw("POST", path, new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}, "application/json"), 400, "malformed_json");
        Api.Reply wrongType = user.api.raw("PUT", "/api/v1/presence", "{\"state\":5}".getBytes(), "application/json");
        expect(wrongType, 400, "invalid_field");
        assertThat(wrongType.json().get("details").get("field").asText()).isEqualTo("state");
        Api.Reply missing = user.api.raw("POST", "/api/v1/inbox/ack", "{}".getBytes(), "application/json");
        expect(missing, 400, "invalid_field");
        Api.Reply fraction = user.api.raw("POST", "/api/v1/inbox/ack", "{\"upToSeq\":1.5}".getBytes(), "application/json");
        expect(fraction, 400, "invalid_field");
        expect(user.api.raw("POST", path, "{\"userId\":\"u\",\"userId\":\"v\"}".getBytes(), "application/json"), 400, "malformed_json");
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(user.api.raw("POST", path, deep.getBytes(), "application/json").status()).isIn(400, 413);
        expect(user.api.raw("POST", path, "{\"userId\":\"x\"}".getBytes(), "text/plain"), 415, "unsupported_media_type");
        expect(user.api.raw("POST", path, "{\"userId\":\"x\"}".getBytes(), null), 415, "unsupported_media_type");
        expect(user.api.raw("POST", "/api/v1/accounts", ("{\"username\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(),
                "application/json"), 413, "too_large");
        expect(user.api.raw("POST", "/api/v1/accounts", ("{\"username\":\"" + "x".repeat(600_000) + "\"}").getBytes(),
                "application/json"), 413, "too_large");
        expect(user.api.raw("PUT", "/api/v1/devices/current/keys",
                "{\"identityKey\":\"not base64!\",\"agreementKey\":\"AA==\",\"agreementKeySignature\":\"AA==\"}".getBytes(),
                "application/json"), 400, "invalid_field");
        expect(user.api.post("/api/v1/accounts", Map.of("username", "ctrl" + System.nanoTime() % 100000, "password",
                TestUser.PASSWORD, "displayName", "evil\u0000name")), 400, "invalid_field");
    }

    @Test
    void unknownPathsMethodsAndVersions() {
        expect(user.api.get("/api/v1/nothing-here"), 404, "not_found");
        expect(user.api.get("/"), 404, "not_found");
        expect(user.api.raw("PATCH", "/api/v1/accounts/me", null, null), 405, "method_not_allowed");
        expect(user.api.raw("GET", "/api/v1/messages", null, null), 405, "method_not_allowed");
        Api.Reply v2 = Api.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/accounts/me"))
                .header("Confab-Protocol", "2").header("Authorization", "Bearer " + user.token));
        expect(v2, 426, "unsupported_protocol");
        expect(user.api.get("/api/v1/users/" + "x".repeat(100) + "/keys"), 400, "invalid_field");
        expect(user.api.get("/api/v1/inbox?limit=0"), 400, "invalid_field");
        expect(user.api.get("/api/v1/users?username=%00"), 404, "user_not_found");
    }

    @Test
    void expiredTokensAreRefused() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("confab.db"));
             PreparedStatement st = c.prepareStatement("UPDATE sessions SET expires_at = 1 WHERE id = ?")) {
            c.createStatement().execute("PRAGMA busy_timeout = 10000");
            st.setString(1, user.sessionId);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        expect(user.api.get("/api/v1/accounts/me"), 401, "unauthorized");
    }

    @Test
    void refusedWebSocketUpgradesAnswerJson() throws IOException {
        try (RawWebSocket refused = RawWebSocket.upgrade(server.port(), "Bearer nonsense", "1", 0)) {
            assertThat(refused.response()).startsWith("HTTP/1.1 401").contains("\"code\":\"unauthorized\"");
        }
        try (RawWebSocket version = RawWebSocket.upgrade(server.port(), "Bearer " + user.token, "7", 0)) {
            assertThat(version.response()).startsWith("HTTP/1.1 426").contains("\"code\":\"unsupported_protocol\"");
        }
    }

    @Test
    void badWebSocketFramesAreAnsweredAndTheConnectionStaysOpen() {
        try (WsClient ws = user.ws()) {
            ws.sendRaw("this is not json");
            JsonNode notJson = ws.next("error");
            assertThat(notJson.get("code").asText()).isEqualTo("malformed_json");
            assertThat(notJson.has("id")).isFalse();
            JsonNode unknown = ws.request("teleport", Map.of("where", "mars"));
            assertThat(unknown.get("code").asText()).isEqualTo("unknown_type");
            JsonNode badField = ws.request("inbox.ack", Map.of("upToSeq", "many"));
            assertThat(badField.get("code").asText()).isEqualTo("invalid_field");
            JsonNode missing = ws.request("call.invite", Map.of("callId", "c"));
            assertThat(missing.get("code").asText()).isEqualTo("invalid_field");
            ws.sendRaw("[1,2,3]");
            assertThat(ws.next("error").get("code").asText()).isEqualTo("malformed_json");
            ws.sendRaw("{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"" + "x".repeat(200_000) + "\"}");
            assertThat(ws.next("error").get("code").asText()).isEqualTo("too_large");
            ws.ok("ping", Map.of());
            assertThat(ws.isClosed()).isFalse();
        }
    }

    @Test
    void aFrameBeyondFourTimesTheLimitClosesOnlyThatConnection() {
        try (WsClient ws = user.ws()) {
            ws.sendRaw("{\"type\":\"ping\",\"id\":\"huge\",\"pad\":\"" + "x".repeat(600_000) + "\"}");
            assertThat(ws.awaitClose()).isEqualTo(1009);
        }
        try (WsClient again = user.ws()) {
            again.ok("ping", Map.of());
        }
    }
}
