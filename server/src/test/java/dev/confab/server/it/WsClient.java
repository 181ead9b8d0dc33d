package dev.confab.server.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A recording WebSocket client: every message received is kept in order; tests wait for the next unconsumed
 * message matching a type (and a predicate), send messages and wait for their ack or error. Thread-safe.
 */
final class WsClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a negative check watches for a message that must not come. */
    static final Duration QUIET = Duration.ofMillis(500);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<Boolean> consumed = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects with a token; fails when the upgrade is refused. */
    static WsClient connect(String baseUrl, String token) {
        HttpClient http = Api.HTTP;
        WebSocket.Builder b = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .header("Confab-Protocol", "1").connectTimeout(Duration.ofSeconds(5));
        return new WsClient(b, URI.create(baseUrl.replace("http://", "ws://") + "/api/v1/ws"));
    }

    /**
     * Connects as a browser page on {@code origin} does: {@code new WebSocket(url, ["confab.v1", "confab.bearer." +
     * token])}, so no Authorization or Confab-Protocol header; fails when the upgrade is refused.
     */
    static WsClient connectAsPage(String baseUrl, String origin, String token) {
        WebSocket.Builder b = Api.HTTP.newWebSocketBuilder().header("Origin", origin)
                .subprotocols("confab.v1", "confab.bearer." + token).connectTimeout(Duration.ofSeconds(5));
        return new WsClient(b, URI.create(baseUrl.replace("http://", "ws://") + "/api/v1/ws"));
    }

    /** The subprotocol the server selected; empty when none. */
    String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a JSON message; returns its id (a new one is added when absent). */
    String send(String type, Map<String, ?> fields) {
        ObjectNode node = Json.mapper().valueToTree(fields);
        node.put("type", type);
        if (!node.has("id")) {
            node.put("id", "m" + IDS.incrementAndGet());
        }
        sendRaw(node.toString());
        return node.get("id").asText();
    }

    void sendRaw(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Sends and waits for the ack or error answering it. */
    JsonNode request(String type, Map<String, ?> fields) {
        String id = send(type, fields);
        return next(m -> ("ack".equals(type(m)) || "error".equals(type(m))) && m.has("id") && id.equals(m.get("id").asText()));
    }

    /** Sends and expects an ack. */
    void ok(String type, Map<String, ?> fields) {
        JsonNode answer = request(type, fields);
        if (!"ack".equals(type(answer))) {
            throw new AssertionError("expected ack for " + type + ", got " + answer);
        }
    }

    /** The next unconsumed message of this type. */
    JsonNode next(String type) {
        return next(m -> type.equals(type(m)));
    }

    /** The next unconsumed message of this type matching the predicate. */
    JsonNode next(String type, Predicate<JsonNode> filter) {
        return next(m -> type.equals(type(m)) && filter.test(m));
    }

    /** The next unconsumed message matching the predicate; waits up to {@link #WAIT}. */
    JsonNode next(Predicate<JsonNode> filter) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).alias("message in " + received)
                .until(() -> (found[0] = take(filter)) != null);
        return found[0];
    }

    /** Whether an unconsumed message matching the predicate has arrived (does not consume it). */
    boolean has(Predicate<JsonNode> filter) {
        for (int i = 0; i < received.size(); i++) {
            if (!consumed.get(i) && filter.test(received.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asserts that no unconsumed message of this type arrives within {@link #QUIET}: a negative check needs a
     * window to watch, not a look right after an ack (an event can trail the ack that caused it).
     */
    void assertNone(String type) {
        await("no " + type + " in " + received).during(QUIET).atMost(QUIET.plus(WAIT))
                .pollInterval(Duration.ofMillis(20)).until(() -> !has(m -> type.equals(type(m))));
    }

    /** Every message received so far, in order. */
    List<JsonNode> all() {
        return new ArrayList<>(received);
    }

    /** Waits until the server closes the connection; returns the close code. */
    int awaitClose() {
        await().atMost(WAIT).until(closeCode::isDone);
        return closeCode.join();
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    static String type(JsonNode m) {
        return m.has("type") ? m.get("type").asText() : null;
    }

    private synchronized JsonNode take(Predicate<JsonNode> filter) {
        for (int i = 0; i < received.size(); i++) {
            if (!consumed.get(i) && filter.test(received.get(i))) {
                consumed.set(i, true);
                return received.get(i);
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode node = Api.parse(partial.toString());
                partial.setLength(0);
                synchronized (WsClient.this) {
                    consumed.add(false);
                    received.add(node);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
