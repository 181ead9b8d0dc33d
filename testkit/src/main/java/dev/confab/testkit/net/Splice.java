package dev.confab.testkit.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Joins two connected stream channels (TCP or Unix domain) into one pipe: bytes read from either are written to the
 * other; an end of stream read from one is passed on as a half-close ({@code shutdownOutput}) of the other, so a
 * request-then-half-close exchange and HTTP keep-alive both work through it; once both directions have ended, or
 * either fails, both channels are closed, which the far ends see. Each direction runs on its own virtual thread.
 * Thread-safe: {@link #close()} may come from any thread and ends both directions.
 */
final class Splice implements AutoCloseable {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final SocketChannel first;
    private final SocketChannel second;
    private final Consumer<Splice> onClosed;
    private final AtomicInteger openDirections = new AtomicInteger(2);
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A splice of these channels, not yet pumping; {@code onClosed} runs once, on the thread that closes it. */
    Splice(SocketChannel first, SocketChannel second, Consumer<Splice> onClosed) {
        this.first = first;
        this.second = second;
        this.onClosed = onClosed;
    }

    /** Starts pumping both ways, on threads named after {@code name}. */
    void start(String name) {
        Thread.ofVirtual().name(name + "-out").start(() -> pump(first, second));
        Thread.ofVirtual().name(name + "-back").start(() -> pump(second, first));
    }

    /** Closes both channels (idempotent); the pumps then end. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(first);
            closeQuietly(second);
            onClosed.accept(this);
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
            if (openDirections.decrementAndGet() == 0) {
                close();
            }
        } catch (IOException e) {
            // A reset, a broken pipe or close() from another thread: either way the whole connection is over.
            close();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is all that was asked; nothing more can be done with it.
        }
    }
}
