package dev.confab.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The few W3C WebDriver commands the tests use (new session, navigate, execute sync/async script, delete session)
 * and chromedriver's DevTools passthrough, as JSON over HTTP to a chromedriver on loopback. Thread-safe, but one
 * session is driven from one thread.
 */
final class WebDriverClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration commandTimeout;
    private final HttpClient http;
    private String sessionId;

    WebDriverClient(int port, Duration commandTimeout) {
        this.base = URI.create("http://127.0.0.1:" + port + "/");
        this.commandTimeout = commandTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Whether chromedriver answers {@code /status} with {@code ready: true}. */
    boolean ready() {
        try {
            return send("GET", "status", null).path("ready").asBoolean(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Opens a session with these capabilities; returns what the driver reports (browser version, process id). */
    JsonNode newSession(Map<String, Object> alwaysMatch) {
        JsonNode value = send("POST", "session", Map.of("capabilities", Map.of("alwaysMatch", alwaysMatch)));
        sessionId = value.path("sessionId").asText();
        return value.path("capabilities");
    }

    void navigate(String url) {
        send("POST", "session/" + sessionId + "/url", Map.of("url", url));
    }

    JsonNode execute(String script, List<Object> args) {
        return send("POST", "session/" + sessionId + "/execute/sync", Map.of("script", script, "args", args));
    }

    JsonNode executeAsync(String script, List<Object> args) {
        return send("POST", "session/" + sessionId + "/execute/async", Map.of("script", script, "args", args));
    }

    /** Runs a Chrome DevTools Protocol command through chromedriver's {@code goog/cdp/execute} extension. */
    JsonNode devTools(String command, Map<String, Object> params) {
        return send("POST", "session/" + sessionId + "/goog/cdp/execute", Map.of("cmd", command, "params", params));
    }

    /** Ends the session if one is open: chromedriver then quits the browser. */
    void deleteSession() {
        if (sessionId != null) {
            String id = sessionId;
            sessionId = null;
            send("DELETE", "session/" + id, null);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(commandTimeout)
                    .header("Content-Type", "application/json; charset=utf-8").method(method, publisher).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode value = JSON.readTree(response.body()).path("value");
            if (response.statusCode() != 200) {
                throw new WebDriverException(value.path("error").asText("HTTP " + response.statusCode()),
                        value.path("message").asText(new String(response.body(), StandardCharsets.UTF_8)));
            }
            return value;
        } catch (IOException e) {
            throw new WebDriverException("connection failed", method + " " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebDriverException("interrupted", method + " " + path);
        }
    }
}
