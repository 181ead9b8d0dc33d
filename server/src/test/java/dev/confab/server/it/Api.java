package dev.confab.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small REST client for tests: JSON in, {@link Reply} out, optional bearer token. Thread-safe.
 */
final class Api {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, raw body, parsed JSON (null when the body is not JSON) and headers. */
    record Reply(int status, String body, JsonNode json, Map<String, List<String>> headers) {
        String code() {
            return json == null || json.get("code") == null ? null : json.get("code").asText();
        }

        String text(String field) {
            return json.get(field).asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String baseUrl;
    private final String token;

    Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    String baseUrl() {
        return baseUrl;
    }

    Api withToken(String token) {
        return new Api(baseUrl, token);
    }

    Reply get(String path) {
        return send(builder(path).GET());
    }

    Reply post(String path, Object body) {
        return send(withBody(builder(path), "POST", body));
    }

    Reply put(String path, Object body) {
        return send(withBody(builder(path), "PUT", body));
    }

    Reply delete(String path) {
        return send(builder(path).DELETE());
    }

    Reply delete(String path, Object body) {
        return send(withBody(builder(path), "DELETE", body));
    }

    /** Any method, raw body bytes and content type (null: none). */
    Reply raw(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b = builder(path);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Confab-Protocol", "1");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder b, String method, Object body) {
        String json = body instanceof String s ? s : Json.encode(body);
        return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), parse(r.body()), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
