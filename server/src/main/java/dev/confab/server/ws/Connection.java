package dev.confab.server.ws;

import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import dev.confab.server.sessions.Principal;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One open event WebSocket of a signed-in device, with its serial outbound queue: any thread may queue a frame
 * without blocking; frames are written one at a time, in queue order, each after the previous write completed
 * (no lock is held while writing). The queue is bounded by frames and by bytes: a client past either bound is
 * disconnected, so a slow reader never costs more than a bounded amount of memory; the heartbeat also drops a
 * client whose oldest write has waited too long ({@link #stalledNanos()}). A connection may start {@link #hold() held}:
 * frames queue but nothing is written until {@link #release()} (or a close), so its first frame can wait until the
 * server is ready for what the client does on reading it. Thread-safe.
 */
public final class Connection {
    /** Close code for a revoked session (policy violation). */
    public static final int CLOSE_REVOKED = 1008;
    /** Close code when the server shuts down. */
    public static final int CLOSE_GOING_AWAY = 1001;
    /** Close code when the account has too many connections open (RFC 6455: try again later). */
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;
    /** Close code when a newer connection of the same session replaced this one (application range). */
    public static final int CLOSE_REPLACED = 4001;

    /** How much one connection may have queued: frames waiting, and bytes (characters) waiting or being written. */
    public record Bounds(int maxFrames, long maxBytes) {}

    private static final AtomicLong IDS = new AtomicLong();

    private record Close(int code, String reason) {}

    private final long id = IDS.incrementAndGet();
    private final Principal principal;
    private final Session session;
    private final Bounds bounds;
    private final Runnable onOverflow;
    private final LongSupplier nanoTime;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** When the write in flight started, or 0 when none is; written by the pump, read by the heartbeat. */
    private final AtomicLong writeStartedNanos = new AtomicLong();
    /** Size of the write in flight; touched only by the pump and the write's completion, one at a time. */
    private volatile long inFlightBytes;
    private volatile boolean closing;
    private volatile boolean held;
    private volatile boolean retired;
    private volatile long lastHeardNanos;

    /**
     * @param onOverflow told when the client is cut off for not reading (metrics)
     * @param nanoTime   the monotonic clock for liveness and stalled writes ({@code System::nanoTime})
     */
    Connection(Principal principal, Session session, Bounds bounds, Runnable onOverflow, LongSupplier nanoTime) {
        this.principal = principal;
        this.session = session;
        this.bounds = bounds;
        this.onOverflow = onOverflow;
        this.nanoTime = nanoTime;
        this.lastHeardNanos = nanoTime.getAsLong();
    }

    /** Makes this connection write nothing until {@link #release()}; call before anyone else can queue on it. */
    void hold() {
        held = true;
    }

    /** Writes what queued while held, and everything after, in order. */
    void release() {
        held = false;
        pump();
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
            held = false;
            pump();
        }
    }

    /**
     * Marks the connection as on its way out (a newer one of its session replaces it) without writing anything, so
     * the registry stops counting it at once; the caller closes it after leaving the registry's lock.
     */
    void retire() {
        retired = true;
    }

    /** Whether the registry should still count this connection against its session's and user's limits. */
    boolean counts() {
        return !retired && !isClosing();
    }

    /** Sends a ping now (heartbeat); pings bypass the queue and are dropped when they cannot be written. */
    void ping() {
        if (!closing && session.isOpen()) {
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    /** The client sent something (a frame, a ping or a pong): it is alive. */
    void heard() {
        lastHeardNanos = nanoTime.getAsLong();
    }

    /** Nanoseconds since the client last sent anything. */
    long silentNanos() {
        return nanoTime.getAsLong() - lastHeardNanos;
    }

    /**
     * Nanoseconds the write in flight has been waiting for the client to take it, 0 when none is in flight. A client
     * that pings but never reads keeps {@link #silentNanos()} low while this grows.
     */
    long stalledNanos() {
        long started = writeStartedNanos.get();
        return started == 0 ? 0 : nanoTime.getAsLong() - started;
    }

    /** Drops the connection without a close handshake (the client stopped answering or reading). */
    void abort() {
        closed();
        session.disconnect();
    }

    /** Whether the connection is closing or closed. */
    public boolean isClosing() {
        return closing || !session.isOpen();
    }

    /** The connection went away: drop what is queued. */
    void closed() {
        closing = true;
        queue.clear();
        queued.set(0);
        queuedBytes.set(0);
    }

    private void enqueue(String frame) {
        if (closing) {
            return;
        }
        boolean tooMany = queued.incrementAndGet() > bounds.maxFrames();
        if (tooMany || queuedBytes.addAndGet(frame.length()) > bounds.maxBytes()) {
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
            if (!writing.get() && !held) {
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
        String frame = (String) next;
        queued.decrementAndGet();
        inFlightBytes = frame.length();
        writeStartedNanos.set(Math.max(1, nanoTime.getAsLong()));
        try {
            session.sendText(frame, Callback.from(this::written, this::failed));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void written() {
        writeStartedNanos.set(0);
        queuedBytes.addAndGet(-inFlightBytes);
        writing.set(false);
        pump();
    }

    private void failed(Throwable cause) {
        writeStartedNanos.set(0);
        closed();
        writing.set(false);
    }
}
