package dev.confab.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.Json;
import dev.confab.server.ConfabServer;
import dev.confab.server.config.ConfigException;
import dev.confab.server.config.ConfigLoader;
import dev.confab.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server (in this JVM, on a free loopback port) serving HTTPS and WSS from a PKCS#12 keystore and from a
 * PEM pair, refusing plain HTTP on that port, picking up a renewed certificate, and refusing to start on bad files.
 */
class TlsServerTest {
    private static final TestCertificate SERVER = TestCertificate.generate("server", 11);
    private static final TestCertificate RENEWED = TestCertificate.generate("renewed", 12);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private ConfabServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aKeystoreServesHttpsAndTheWebSocketOverWssOnOnePort() throws Exception {
        Path keystore = SERVER.writeKeystore(dir.resolve("server.p12"), "s3cret");
        server = start(Map.of("tls.keystore", keystore.toString(), "tls.keystore-password", "s3cret"));
        String base = "https://127.0.0.1:" + server.port();
        try (HttpClient https = HttpClient.newBuilder().sslContext(TestCertificate.trusting(SERVER))
                .connectTimeout(WAIT).build()) {
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(health.body()).get("status").asText()).isEqualTo("ok");

            String token = signUp(https, base);
            CompletableFuture<String> first = new CompletableFuture<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket ws = https.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .header("Confab-Protocol", "1").connectTimeout(WAIT)
                    .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + "/api/v1/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            first.complete(data.toString());
                            socket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                            closed.complete(status);
                            return null;
                        }
                    }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(Json.mapper().readTree(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).get("type").asText())
                    .isEqualTo("welcome");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        }
        try (HttpClient plain = HttpClient.newBuilder().connectTimeout(WAIT).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .timeout(WAIT).build();
            assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aRenewedPemCertificateIsServedToNewConnectionsWithoutARestart() throws Exception {
        Path certificate = SERVER.writeCertificatePem(dir.resolve("fullchain.pem"));
        Path key = SERVER.writePrivateKeyPem(dir.resolve("privkey.pem"));
        server = start(Map.of("tls.certificate", certificate.toString(), "tls.private-key", key.toString(),
                "tls.reload-check-seconds", "1"));
        assertThat(servedCertificate(server.port())).isEqualTo(SERVER.certificate());

        RENEWED.writePrivateKeyPem(key);
        RENEWED.writeCertificatePem(certificate);
        await("the renewed certificate on a new connection").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> servedCertificate(server.port()).equals(RENEWED.certificate()));
    }

    @Test
    void unusableFilesStopTheStartWithTheReason() {
        Path keystore = SERVER.writeKeystore(dir.resolve("server.p12"), "s3cret");
        assertThatThrownBy(() -> start(Map.of("tls.keystore", keystore.toString(), "tls.keystore-password", "wrong")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not open with tls.keystore-password; the password is wrong");
    }

    private ConfabServer start(Map<String, String> tls) throws NoSuchAlgorithmException {
        Map<String, String> flags = new HashMap<>(Map.of("server.port", "0", "data.dir", dir.toString(),
                "security.argon2.memory-kib", "256", "security.argon2.iterations", "1"));
        flags.putAll(tls);
        ServerConfig config = ServerConfig.from(new ConfigLoader(Map.of(), dir.toString()).load(flags, Optional.empty()));
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(0x7150);
        return ConfabServer.start(config, Clock.systemUTC(), random);
    }

    /** Registers an account and signs it in; returns the session's bearer token. */
    private static String signUp(HttpClient https, String base) throws IOException, InterruptedException {
        String credentials = "\"username\":\"tls-user\",\"password\":\"a fine long password\"";
        assertThat(post(https, base + "/api/v1/accounts", "{" + credentials + "}").statusCode()).isEqualTo(201);
        HttpResponse<String> session = post(https, base + "/api/v1/sessions",
                "{" + credentials + ",\"deviceName\":\"test\"}");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        JsonNode json = Json.mapper().readTree(session.body());
        return json.get("token").asText();
    }

    private static HttpResponse<String> post(HttpClient https, String url, String json)
            throws IOException, InterruptedException {
        return https.send(HttpRequest.newBuilder(URI.create(url)).header("Confab-Protocol", "1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The certificate a fresh TLS connection (no session to resume) is served. */
    private static X509Certificate servedCertificate(int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) TestCertificate.trusting(SERVER, RENEWED).getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
