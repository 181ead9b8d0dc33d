package dev.confab.testkit.net;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A child for {@link NamespacePortBridgeTest}: the JDK's HTTP server on {@code 127.0.0.1:<first argument>} of its
 * namespace, answering every request with {@code hello <path>}. The control command {@code connections} answers from
 * how many client ports requests came, i.e. over how many connections.
 */
public final class HttpHelloMain {
    private HttpHelloMain() {}

    public static void main(String[] args) throws IOException {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        HttpServer server = HttpServer.create(address, 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = ("hello " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            ControlLoop.run(command -> switch (command) {
                case "connections" -> Integer.toString(clientPorts.size());
                default -> throw new IllegalArgumentException("unknown command " + command);
            });
        } finally {
            server.stop(0);
        }
    }
}
