package dev.confab.testkit.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The namespace half of a {@link NamespacePortBridge}, run in a {@link NamespaceJvm}: listens on a Unix domain socket
 * file (the file system is shared across network namespaces) and forwards each connection to {@code 127.0.0.1:port}
 * of its own namespace. Arguments: the socket file, the port. It answers the control command {@code connections} with
 * the number of open forwarded connections (the first answer also says it is listening), and ends, removing the
 * socket file, when its stdin ends. Runs on its own threads; the main thread serves the control channel.
 */
public final class UnixToTcpForwarder {
    /** The control command answered with the number of open forwarded connections. */
    static final String CONNECTIONS = "connections";

    private UnixToTcpForwarder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: UnixToTcpForwarder <socket file> <port in this namespace>");
        }
        Path socketFile = Path.of(args[0]);
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]));
        Files.deleteIfExists(socketFile);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(socketFile));
        try (ChannelForwarder forwarder = ChannelForwarder.start(listener, () -> SocketChannel.open(target),
                "unix-to-tcp-" + target.getPort())) {
            ControlLoop.run(command -> switch (command) {
                case CONNECTIONS -> Integer.toString(forwarder.openConnections());
                default -> throw new IllegalArgumentException("unknown command " + command);
            });
        } finally {
            Files.deleteIfExists(socketFile);
        }
    }
}
