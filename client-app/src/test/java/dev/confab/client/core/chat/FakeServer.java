package dev.confab.client.core.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.confab.protocol.ErrorBody;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Json;
import dev.confab.protocol.rest.DeviceKeys;
import dev.confab.protocol.rest.DeviceKeysUpload;
import dev.confab.protocol.rest.LoginResponse;
import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.protocol.rest.SendMessageResponse;
import dev.confab.protocol.rest.UserKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny stand-in for the few endpoints an outbox unit test needs (sign-in, keys, send), on the JDK's HTTP server.
 * It records the order in which messages arrive and can answer 503 or a refusal on demand. The end-to-end tests
 * use the real server; this one only pins down the client's ordering and retry rules.
 */
final class FakeServer implements AutoCloseable {
    final List<SendMessageRequest> received = new CopyOnWriteArrayList<>();
    final Map<String, List<DeviceKeys>> keys = new ConcurrentHashMap<>();
    volatile boolean down;
    volatile String refuseText;
    private final HttpServer http;

    FakeServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/api/v1/sessions")) {
            reply(exchange, 201, new LoginResponse("token-1", "s1", "me", "me", "dev-me", Long.MAX_VALUE));
        } else if (method.equals("PUT") && path.equals("/api/v1/devices/current/keys")) {
            DeviceKeysUpload upload = Json.decode(body, DeviceKeysUpload.class);
            keys.put("me", List.of(new DeviceKeys("dev-me", upload.identityKey(), upload.agreementKey(), upload.agreementKeySignature())));
            reply(exchange, 204, null);
        } else if (method.equals("GET") && path.startsWith("/api/v1/users/") && path.endsWith("/keys")) {
            String user = path.substring("/api/v1/users/".length(), path.length() - "/keys".length());
            reply(exchange, 200, new UserKeys(user, keys.getOrDefault(user, List.of())));
        } else if (method.equals("POST") && path.equals("/api/v1/messages")) {
            SendMessageRequest request = Json.decode(body, SendMessageRequest.class);
            if (down) {
                reply(exchange, 503, ErrorBody.of(ErrorCode.UNAVAILABLE, "down for the test"));
            } else if (refuseText != null && isRefused(request)) {
                reply(exchange, 403, ErrorBody.of(ErrorCode.NOT_CONTACTS, "not contacts"));
            } else {
                received.add(request);
                reply(exchange, 201, new SendMessageResponse(request.messageId(), 1000L + received.size()));
            }
        } else {
            reply(exchange, 404, ErrorBody.of(ErrorCode.NOT_FOUND, "no such endpoint in the fake"));
        }
    }

    private boolean isRefused(SendMessageRequest request) {
        return request.recipientUserId().equals(refuseText);
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : Json.encode(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        if (body != null) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
