package dev.confab.server.ws;

import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import dev.confab.server.chat.InboxStream;
import dev.confab.server.sessions.Principal;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One open event WebSocket of a signed-in device, with its serial outbound queue: any thread may queue a frame
 * without blocking; frames are written one at a time, in queue order, each after the previous write completed
 * (no lock is held while writing). A client whose queue grows past the bound is disconnected, so a slow reader
 * never costs more than a bounded amount of memory. Thread-safe.
 */
public final class Connection {
    /** Close code for a revoked session (policy violation). */
    public static final int CLOSE_REVOKED = 1008;
    /** Close code when the server shuts down. */
    public static final int CLOSE_GOING_AWAY = 1001;

    private static final AtomicLong IDS = new AtomicLong();

    private record Close(int code, String reason) {}

    private final long id = IDS.incrementAndGet();
    private final Principal principal;
    private final Session session;
    private final int maxQueued;
    private final Runnable onOverflow;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile boolean closing;
    private volatile InboxStream inbox;
    private volatile long lastHeardNanos = System.nanoTime();

    Connection(Principal principal, Session session, int maxQueued, Runnable onOverflow) {
        this.principal = principal;
        this.session = session;
        this.maxQueued = maxQueued;
        this.onOverflow = onOverflow;
    }

    public long id() {
        return id;
    }

    public Principal principal() {
        return principal;
    }

    /** Queues a message. */
    public void send(ServerMessage message) {
        sendText(WsCodec.encode(message));
    }

    /** Queues an encoded frame; dropped when the connection is closing. */
    public void sendText(String frame) {
        enqueue(frame);
    }

    /** Queues {@code last}, then a close with {@code code}; later frames are dropped. */
    public void closeAfter(ServerMessage last, int code, String reason) {
        if (closing) {
            return;
        }
        enqueue(WsCodec.encode(last));
        close(code, reason);
    }

    /** Queues a close after what is queued already; later frames are dropped. */
    public void close(int code, String reason) {
        if (!closing) {
            queue.add(new Close(code, reason));
            closing = true;
            pump();
        }
    }

    /** Sends a ping now (heartbeat); pings bypass the queue and are dropped when they cannot be written. */
    void ping() {
        if (!closing && session.isOpen()) {
            session.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    /** The client sent something (a frame, a ping or a pong): it is alive. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Nanoseconds since the client last sent anything. */
    long silentNanos() {
        return System.nanoTime() - lastHeardNanos;
    }

    /** Drops the connection without a close handshake (the client stopped answering). */
    void abort() {
        closed();
        session.disconnect();
    }

    /** Whether the connection is closing or closed. */
    public boolean isClosing() {
        return closing || !session.isOpen();
    }

    InboxStream inbox() {
        return inbox;
    }

    void inbox(InboxStream stream) {
        this.inbox = stream;
    }

    /** The connection went away: drop what is queued. */
    void closed() {
        closing = true;
        queue.clear();
        queued.set(0);
    }

    private void enqueue(String frame) {
        if (closing) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            // The client stopped reading: a close frame would wait behind the stuck writes, so cut the connection.
            closed();
            onOverflow.run();
            session.disconnect();
            return;
        }
        queue.add(frame);
        pump();
    }

    /** Writes queued frames one at a time; re-entrant calls (from a completion) just loop again. */
    private void pump() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            if (!writing.get()) {
                Object next = queue.poll();
                if (next != null) {
                    writing.set(true);
                    write(next);
                }
            }
        } while (wip.decrementAndGet() != 0);
    }

    private void write(Object next) {
        if (next instanceof Close close) {
            session.close(close.code(), close.reason(), Callback.NOOP);
            queue.clear();
            return;
        }
        queued.decrementAndGet();
        try {
            session.sendText((String) next, Callback.from(this::written, this::failed));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void written() {
        writing.set(false);
        pump();
    }

    private void failed(Throwable cause) {
        closed();
        writing.set(false);
    }
}
