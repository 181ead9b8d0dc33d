package dev.confab.bench.load;

import dev.confab.protocol.Json;
import dev.confab.protocol.ProtocolVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal JSON-over-HTTP caller for the load driver, on the JDK's HttpClient. Thread-safe. */
final class Rest {
    private final HttpClient http;
    private final String baseUrl;

    Rest(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    <T> T post(String path, String token, Object body, Class<T> answer) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(Json.encode(body))), answer);
    }

    <T> T put(String path, String token, Object body, Class<T> answer) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.ofString(Json.encode(body))), answer);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private <T> T send(HttpRequest.Builder builder, Class<T> answer) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return answer == Void.class || response.body().isEmpty() ? null : Json.decode(response.body(), answer);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
