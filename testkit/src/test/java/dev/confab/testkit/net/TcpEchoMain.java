package dev.confab.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child for {@link NamespacePortBridgeTest}: a TCP echo server on {@code 127.0.0.1:<first argument>} of its
 * namespace that echoes each connection until the client's end of stream, then closes it. Control commands:
 * {@code open} answers how many connections are open, {@code accepted} how many were accepted in all.
 */
public final class TcpEchoMain {
    private TcpEchoMain() {}

    public static void main(String[] args) throws IOException {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (true) {
                    Socket socket = accept(server);
                    accepted.incrementAndGet();
                    open.incrementAndGet();
                    Thread.ofVirtual().start(() -> echo(socket, open));
                }
            });
            ControlLoop.run(command -> switch (command) {
                case "open" -> Integer.toString(open.get());
                case "accepted" -> Integer.toString(accepted.get());
                default -> throw new IllegalArgumentException("unknown command " + command);
            });
        }
    }

    private static Socket accept(ServerSocket server) {
        try {
            return server.accept();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void echo(Socket socket, AtomicInteger open) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            System.err.println("echo connection failed: " + e);
        } finally {
            open.decrementAndGet();
        }
    }
}
