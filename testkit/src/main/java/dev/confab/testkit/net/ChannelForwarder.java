package dev.confab.testkit.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts connections on a listening channel and {@link Splice splices} each to a new connection that
 * {@code connect} opens, so one endpoint (a TCP port, a Unix domain socket) stands in for another. When
 * {@code connect} fails, the accepted connection is closed: its client sees the end of stream at once instead of
 * hanging. One virtual thread accepts; each connection gets its own. Thread-safe.
 */
final class ChannelForwarder implements AutoCloseable {
    private final ServerSocketChannel listener;
    private final Callable<SocketChannel> connect;
    private final String name;
    private final Set<Splice> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ChannelForwarder(ServerSocketChannel listener, Callable<SocketChannel> connect, String name) {
        this.listener = listener;
        this.connect = connect;
        this.name = name;
    }

    /** Starts accepting on {@code listener}, which must be bound; {@link #close()} closes it. */
    static ChannelForwarder start(ServerSocketChannel listener, Callable<SocketChannel> connect, String name) {
        ChannelForwarder forwarder = new ChannelForwarder(listener, connect, name);
        Thread.ofVirtual().name(name + "-accept").start(forwarder::acceptLoop);
        return forwarder;
    }

    /** How many forwarded connections are open (neither closed by a side nor failed). */
    int openConnections() {
        return open.size();
    }

    /** Stops accepting and closes every forwarded connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing is all that was asked.
        }
        open.forEach(Splice::close);
    }

    private void acceptLoop() {
        long count = 0;
        while (!closed) {
            try {
                SocketChannel accepted = listener.accept();
                String connection = name + "-" + ++count;
                Thread.ofVirtual().name(connection + "-connect").start(() -> forward(accepted, connection));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                System.err.println(name + " stopped accepting: " + e);
                return;
            }
        }
    }

    private void forward(SocketChannel accepted, String connection) {
        SocketChannel target;
        try {
            target = connect.call();
            noDelay(accepted);
            noDelay(target);
        } catch (Exception e) {
            closeQuietly(accepted);
            return;
        }
        Splice splice = new Splice(accepted, target, open::remove);
        open.add(splice);
        if (closed) {
            splice.close();
        } else {
            splice.start(connection);
        }
    }

    /** Small writes (an HTTP request's headers, then its body) go out at once instead of waiting for an ACK. */
    private static void noDelay(SocketChannel channel) throws IOException {
        if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is all that was asked.
        }
    }
}
