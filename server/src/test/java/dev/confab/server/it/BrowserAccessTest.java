package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.testkit.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a browser page needs: the session token in the WebSocket subprotocols (the server selects only
 * {@code confab.v1}, never echoing the token, and checks the token exactly as it checks the Authorization header),
 * and CORS for the origins of {@code http.cors-allowed-origins} — preflights, readable answers and errors, and a
 * {@code 403} for any other origin, on REST and on the WebSocket upgrade alike. Clients that send no Origin are not
 * affected.
 */
class BrowserAccessTest {
    private static final String PAGE = "http://app.example.test:5173";
    private static final String FOREIGN = "http://evil.example.test";
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        server = TestServers.relaxed().set("http.cors-allowed-origins", PAGE + ", https://other.example.test").build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageOpensTheEventsWithItsTokenAsASubprotocol() {
        TestUser user = TestUser.register(server, "page");
        try (WsClient page = WsClient.connectAsPage(server.baseUrl(), PAGE, user.token)) {
            assertThat(page.next("welcome").get("deviceId").asText()).isEqualTo(user.deviceId);
            assertThat(page.subprotocol()).isEqualTo("confab.v1");
            page.ok("ping", Map.of());
        }
    }

    @Test
    void theServerEchoesTheVersionAndNeverTheToken() throws IOException {
        TestUser user = TestUser.register(server, "page");
        try (RawWebSocket page = RawWebSocket.upgrade(server.port(), List.of("Origin: " + PAGE,
                "Sec-WebSocket-Protocol: confab.v1, confab.bearer." + user.token), 0)) {
            String head = page.head();
            assertThat(head).startsWith("HTTP/1.1 101").doesNotContain(user.token);
            assertThat(head.lines().filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Protocol:", 0, 23)))
                    .containsExactly("Sec-WebSocket-Protocol: confab.v1");
        }
    }

    @Test
    void issuedTokensAreValidSubprotocolCharacters() {
        TestUser user = TestUser.register(server, "page");
        assertThat(user.token).as("base64url: RFC 7230 token characters").matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void aBadTokenInTheSubprotocolsIsRefusedAsInTheHeader() throws IOException {
        for (String token : List.of("nonsense", "", "x".repeat(600))) {
            assertThat(refusal(subprotocolUpgrade(token))).as("token '%s'", token)
                    .isEqualTo(refusal(headerUpgrade(token))).startsWith("HTTP/1.1 401")
                    .contains("\"code\":\"unauthorized\"");
        }
    }

    @Test
    void aRevokedTokenInTheSubprotocolsIsRefusedAsInTheHeader() throws IOException {
        TestUser user = TestUser.register(server, "page");
        assertThat(user.api.delete("/api/v1/sessions/current").status()).isEqualTo(204);
        assertThat(refusal(subprotocolUpgrade(user.token))).isEqualTo(refusal(headerUpgrade(user.token)))
                .startsWith("HTTP/1.1 401").contains("\"code\":\"unauthorized\"");
    }

    @Test
    void anExpiredTokenInTheSubprotocolsIsRefusedAsInTheHeader() throws IOException, SQLException {
        TestUser user = TestUser.register(server, "page");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("confab.db"));
             PreparedStatement st = c.prepareStatement("UPDATE sessions SET expires_at = 1 WHERE id = ?")) {
            c.createStatement().execute("PRAGMA busy_timeout = 10000");
            st.setString(1, user.sessionId);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        assertThat(refusal(subprotocolUpgrade(user.token))).isEqualTo(refusal(headerUpgrade(user.token)))
                .startsWith("HTTP/1.1 401").contains("expired");
    }

    @Test
    void anOfferWithoutTheVersionOrWithTheTokenTwiceIsRefused() throws IOException {
        TestUser user = TestUser.register(server, "page");
        String bearer = "confab.bearer." + user.token;
        assertThat(refusal(List.of("Sec-WebSocket-Protocol: " + bearer))).startsWith("HTTP/1.1 426")
                .contains("\"code\":\"unsupported_protocol\"").contains("confab.v1").doesNotContain(user.token);
        assertThat(refusal(List.of("Sec-WebSocket-Protocol: confab.v1, " + bearer + ", " + bearer)))
                .startsWith("HTTP/1.1 400").contains("\"code\":\"bad_request\"");
        assertThat(refusal(List.of("Authorization: Bearer " + user.token, "Sec-WebSocket-Protocol: confab.v1, " + bearer)))
                .startsWith("HTTP/1.1 400").contains("\"code\":\"bad_request\"");
    }

    @Test
    void anUpgradeFromAForeignOriginIsRefused() throws IOException {
        TestUser user = TestUser.register(server, "page");
        assertThat(refusal(List.of("Origin: " + FOREIGN, "Authorization: Bearer " + user.token)))
                .startsWith("HTTP/1.1 403").contains("\"code\":\"forbidden\"").contains("http.cors-allowed-origins");
        assertThatThrownBy(() -> WsClient.connectAsPage(server.baseUrl(), FOREIGN, user.token))
                .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void anUpgradeFromAnAllowedOriginOrWithoutOneIsAccepted() throws IOException {
        TestUser user = TestUser.register(server, "page");
        try (RawWebSocket page = RawWebSocket.upgrade(server.port(),
                List.of("Origin: https://other.example.test", "Authorization: Bearer " + user.token), 0)) {
            assertThat(page.head()).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Sec-WebSocket-Protocol");
        }
        try (WsClient cli = WsClient.connect(server.baseUrl(), user.token)) {
            cli.next("welcome");
            assertThat(cli.subprotocol()).isEmpty();
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsTheApisMethodsAndHeaders() {
        Api.Reply reply = preflight(server, PAGE, "POST", "authorization, confab-protocol, content-type");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
        assertThat(header(reply, "Access-Control-Allow-Origin")).isEqualTo(PAGE);
        assertThat(header(reply, "Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, DELETE");
        assertThat(header(reply, "Access-Control-Allow-Headers")).isEqualTo("Authorization, Content-Type, Confab-Protocol");
        assertThat(header(reply, "Vary")).contains("Origin");
        assertThat(reply.headers()).doesNotContainKey("access-control-allow-credentials");
    }

    @Test
    void aPreflightFromAForeignOriginIsRefused() {
        Api.Reply reply = preflight(server, FOREIGN, "POST", "authorization");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("forbidden");
        assertThat(reply.headers()).doesNotContainKey("access-control-allow-origin");
        assertThat(header(reply, "Vary")).contains("Origin");
    }

    @Test
    void anAllowedPageReadsAnswersAndErrors() {
        TestUser user = TestUser.register(server, "page");
        Api.Reply ok = fromOrigin(PAGE, user.token);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(header(ok, "Access-Control-Allow-Origin")).isEqualTo(PAGE);
        assertThat(header(ok, "Access-Control-Expose-Headers")).isEqualTo("Retry-After");
        Api.Reply unauthorized = fromOrigin(PAGE, "nonsense");
        assertThat(unauthorized.status()).as(unauthorized.toString()).isEqualTo(401);
        assertThat(header(unauthorized, "Access-Control-Allow-Origin")).as("the page may read the error").isEqualTo(PAGE);
    }

    @Test
    void aForeignPageIsRefusedAndAClientWithoutOriginIsNotAffected() {
        TestUser user = TestUser.register(server, "page");
        Api.Reply foreign = fromOrigin(FOREIGN, user.token);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
        assertThat(foreign.headers()).doesNotContainKey("access-control-allow-origin");
        Api.Reply cli = user.api.get("/api/v1/contacts");
        assertThat(cli.status()).as(cli.toString()).isEqualTo(200);
        assertThat(cli.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void byDefaultNoOriginIsAllowed() throws IOException {
        ServerProcess defaults = TestServers.shared(Db.SQLITE);
        assertThat(preflight(defaults, PAGE, "GET", "authorization").status()).isEqualTo(403);
        TestUser user = TestUser.register(defaults, "page");
        try (RawWebSocket page = RawWebSocket.upgrade(defaults.port(), List.of("Origin: " + PAGE,
                "Sec-WebSocket-Protocol: confab.v1, confab.bearer." + user.token), 0)) {
            assertThat(page.response()).startsWith("HTTP/1.1 403");
        }
    }

    private static List<String> subprotocolUpgrade(String token) {
        return List.of("Origin: " + PAGE, "Sec-WebSocket-Protocol: confab.v1, confab.bearer." + token);
    }

    private static List<String> headerUpgrade(String token) {
        return List.of("Authorization: Bearer " + token, "Confab-Protocol: 1");
    }

    /** The status line and JSON body of a refused upgrade (headers such as Date differ from one to the next). */
    private static String refusal(List<String> headers) throws IOException {
        try (RawWebSocket refused = RawWebSocket.upgrade(server.port(), headers, 0)) {
            String response = refused.response();
            return response.lines().findFirst().orElse("") + "\n" + response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    private static Api.Reply preflight(ServerProcess target, String origin, String method, String headers) {
        return Api.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/v1/contacts"))
                .timeout(Duration.ofSeconds(20)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers));
    }

    /** A page's GET of its contacts, as fetch sends it. */
    private static Api.Reply fromOrigin(String origin, String token) {
        return Api.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/contacts"))
                .timeout(Duration.ofSeconds(20)).header("Origin", origin).header("Confab-Protocol", "1")
                .header("Authorization", "Bearer " + token));
    }

    private static String header(Api.Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
    }
}
