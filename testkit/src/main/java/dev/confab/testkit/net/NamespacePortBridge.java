package dev.confab.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes a TCP port that something listens on inside a network namespace (on {@code 127.0.0.1}, unreachable from the
 * test JVM's own namespace) reachable from the test JVM at {@code 127.0.0.1:}{@link #localPort()}. Two halves joined by
 * a Unix domain socket file, since the file system is shared across network namespaces: a listener here forwards each
 * TCP connection to the socket, and a {@link UnixToTcpForwarder} in a {@link NamespaceJvm} inside the namespace
 * forwards each connection on the socket to the port. Bytes, half-closes and closes pass through both ways, so HTTP
 * keep-alive works; a connection made while nothing listens on the port is closed at once.
 *
 * <p>{@link #close()} closes every forwarded connection, stops the child JVM and removes the socket file. Should the
 * test JVM die first, the child ends when its stdin does, removing the socket file. Thread-safe.
 */
public final class NamespacePortBridge implements AutoCloseable {
    /** The longest Unix domain socket path Linux takes ({@code sun_path} is 108 bytes with its terminating zero). */
    private static final int MAX_SOCKET_PATH_BYTES = 107;
    private static final Duration CHILD_START = Duration.ofSeconds(20);
    private static final Duration REPLY = Duration.ofSeconds(5);

    private final NamespaceJvm child;
    private final ChannelForwarder forwarder;
    private final Path socketFile;
    private final int localPort;

    private NamespacePortBridge(NamespaceJvm child, ChannelForwarder forwarder, Path socketFile, int localPort) {
        this.child = child;
        this.forwarder = forwarder;
        this.socketFile = socketFile;
        this.localPort = localPort;
    }

    /** Bridges {@code portInNamespace} of {@code namespace} through a new socket file in {@code java.io.tmpdir}. */
    public static NamespacePortBridge open(String namespace, int portInNamespace) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            return open(namespace, portInNamespace, Files.createTempFile(tmp, "confab-bridge-", ".sock"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a socket file name in " + tmp, e);
        }
    }

    /**
     * Bridges {@code portInNamespace} of {@code namespace} through {@code socketFile} (replaced if it exists, removed
     * on close); returns once both halves listen. Nothing need listen on the port yet.
     */
    public static NamespacePortBridge open(String namespace, int portInNamespace, Path socketFile) {
        Path socket = socketFile.toAbsolutePath();
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH_BYTES) {
            throw new IllegalArgumentException("A Unix domain socket path must be at most " + MAX_SOCKET_PATH_BYTES
                    + " bytes: " + socket);
        }
        NamespaceJvm child = NamespaceJvm.start(namespace, UnixToTcpForwarder.class, socket.toString(),
                Integer.toString(portInNamespace));
        try {
            child.request(UnixToTcpForwarder.CONNECTIONS, CHILD_START);
            return listenHere(child, namespace, portInNamespace, socket);
        } catch (RuntimeException e) {
            child.close();
            deleteQuietly(socket);
            throw e;
        }
    }

    /** The loopback TCP port of the test JVM's namespace that leads to the port in the namespace. */
    public int localPort() {
        return localPort;
    }

    /** The Unix domain socket file joining the two halves. */
    public Path socketFile() {
        return socketFile;
    }

    /** How many connections through the bridge are open on this side. */
    public int openConnections() {
        return forwarder.openConnections();
    }

    /** How many connections through the bridge are open on the namespace's side. */
    public int openConnectionsInNamespace() {
        return Integer.parseInt(child.request(UnixToTcpForwarder.CONNECTIONS, REPLY));
    }

    /** Closes every connection, stops the child JVM and removes the socket file. Idempotent. */
    @Override
    public void close() {
        forwarder.close();
        child.close();
        deleteQuietly(socketFile);
    }

    private static NamespacePortBridge listenHere(NamespaceJvm child, String namespace, int portInNamespace,
            Path socket) {
        try {
            ServerSocketChannel listener = ServerSocketChannel.open()
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int localPort = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            ChannelForwarder forwarder = ChannelForwarder.start(listener,
                    () -> SocketChannel.open(UnixDomainSocketAddress.of(socket)),
                    "bridge-" + localPort + "-to-" + namespace + "-" + portInNamespace);
            return new NamespacePortBridge(child, forwarder, socket, localPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on loopback for the bridge to " + namespace, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("Could not remove " + file + ": " + e.getMessage());
        }
    }
}
