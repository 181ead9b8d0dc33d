package dev.confab.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny HTTP server on 127.0.0.1 that serves test pages for {@link Chromium} from memory: {@code GET /path} answers
 * the page put there, anything else 404. Loopback is a secure context, so pages may use getUserMedia and WebRTC.
 * Thread-safe; {@link #close()} stops it.
 */
public final class TestPageServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    private TestPageServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static TestPageServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestPageServer pages = new TestPageServer(server);
            server.createContext("/", pages::handle);
            server.start();
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test page server", e);
        }
    }

    /** Serves {@code html} at {@code path} (such as {@code /webrtc.html}); returns the page's URL. */
    public String put(String path, String html) {
        pages.put(path, html.getBytes(StandardCharsets.UTF_8));
        return url(path);
    }

    /** Serves a UTF-8 HTML classpath resource of {@code owner}'s package at {@code /<name>}; returns its URL. */
    public String putResource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name + " beside " + owner.getName());
            }
            return put("/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] page = "GET".equals(exchange.getRequestMethod()) ? pages.get(exchange.getRequestURI().getPath()) : null;
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }
}
