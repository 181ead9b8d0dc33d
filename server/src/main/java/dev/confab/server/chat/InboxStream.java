package dev.confab.server.chat;

import dev.confab.protocol.inbox.InboxEntry;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.storage.Database;
import dev.confab.server.support.Timers;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one connection's inbox in order. Every wake-up schedules at most one drain at a time (a serial queue per
 * connection), and a drain reads the items after the last one pushed from the database, so items stored by
 * concurrent senders can never overtake each other. At most {@link #WINDOW} items are in flight unacknowledged;
 * acknowledgements open the window again. A new connection starts from the oldest unacknowledged item. A drain
 * that fails (the database is away) is retried on the timers, after 1 s and then up to 30 s apart, so the device
 * gets its items once the database is back even if nothing else happens. Thread-safe: {@link #wake()} and
 * {@link #acked(long)} may be called from any thread.
 */
public final class InboxStream {
    /** Items pushed but not yet acknowledged before the stream waits for an ack. */
    static final int WINDOW = 256;
    private static final int PAGE = 64;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(InboxStream.class);

    private final String deviceId;
    private final Database db;
    private final InboxRepository inbox;
    private final Executor executor;
    private final Timers timers;
    private final Consumer<ServerMessage> sink;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean dirty;
    private volatile boolean closed;
    private volatile long ackedUpTo;
    /** Pushed, unacknowledged sequence numbers; touched only by the (serial) drain. */
    private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
    private long lastPushed;
    /** The wait before the next retry; touched only by the (serial) drain. */
    private Duration retryDelay = FIRST_RETRY;

    InboxStream(String deviceId, Database db, InboxRepository inbox, Executor executor, Timers timers,
            Consumer<ServerMessage> sink) {
        this.deviceId = deviceId;
        this.db = db;
        this.inbox = inbox;
        this.executor = executor;
        this.timers = timers;
        this.sink = sink;
    }

    public String deviceId() {
        return deviceId;
    }

    /** New items may be waiting: drain soon. */
    public void wake() {
        dirty = true;
        if (!closed && scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    /** The device acknowledged up to {@code seq}: the window opens. */
    public void acked(long seq) {
        if (seq > ackedUpTo) {
            ackedUpTo = seq;
        }
        wake();
    }

    /** The connection closed: no more pushes. */
    public void close() {
        closed = true;
    }

    private void drain() {
        try {
            while (dirty && !closed) {
                dirty = false;
                pushAvailable();
            }
            retryDelay = FIRST_RETRY;
        } catch (RuntimeException e) {
            LOG.warn("Inbox push for a device failed; retrying in {} s: {}", retryDelay.toSeconds(), e.toString());
            timers.schedule(retryDelay, this::wake);
            retryDelay = retryDelay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retryDelay.multipliedBy(2);
        } finally {
            scheduled.set(false);
        }
        if (dirty && !closed && scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void pushAvailable() {
        while (!closed) {
            long acked = ackedUpTo;
            while (!inFlight.isEmpty() && inFlight.peekFirst() <= acked) {
                inFlight.pollFirst();
            }
            int room = WINDOW - inFlight.size();
            if (room <= 0) {
                return;
            }
            long after = lastPushed;
            List<InboxEntry> entries = db.read(c -> inbox.after(c, deviceId, after, Math.min(room, PAGE)));
            if (entries.isEmpty()) {
                return;
            }
            for (InboxEntry e : entries) {
                sink.accept(new ServerMessage.Inbox(e.seq(), e.item()));
                lastPushed = e.seq();
                inFlight.addLast(e.seq());
            }
        }
    }
}
