package dev.confab.client.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plain HTTP relay in front of the real server whose line to one endpoint can be cut: while {@link #cut} names a
 * method and path, such requests are dropped (the connection closes without an answer, as when a network fails
 * mid-request) and never reach the server; everything else passes through unchanged. It lets a test make
 * {@code confab send} lose the server exactly at the send, after the lookups that precede it succeeded.
 *
 * <p>Thread-safe: {@link #cut} may change while requests pass.
 */
final class RelayWithCut implements AutoCloseable {
    /** Headers the JDK client sets by itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final String target;
    private final HttpServer http;
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile String cut;

    RelayWithCut(String target) throws IOException {
        this.target = target;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::relay);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Drops every request for {@code method} and {@code path} (such as {@code POST /api/v1/messages}); null passes all. */
    void cut(String methodAndPath) {
        this.cut = methodAndPath;
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            if ((method + " " + uri.getPath()).equals(cut)) {
                return; // closed without an answer
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!List.of("content-length", "transfer-encoding", "connection", ":status").contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        client.close();
    }
}
