package dev.confab.server.chat;

import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.storage.Database;
import dev.confab.server.support.Timers;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The open {@link InboxStream}s by device, so storing an item can wake the streams of its device. Drains run on
 * the given executor (virtual threads in the server); a drain that failed is retried on the timers. Thread-safe.
 */
public final class InboxPusher {
    private final Database db;
    private final InboxRepository inbox;
    private final Executor executor;
    private final Timers timers;
    private final Map<String, Set<InboxStream>> byDevice = new ConcurrentHashMap<>();

    InboxPusher(Database db, InboxRepository inbox, Executor executor, Timers timers) {
        this.db = db;
        this.inbox = inbox;
        this.executor = executor;
        this.timers = timers;
    }

    /** Opens a stream for a new connection of {@code deviceId} and starts pushing its pending items. */
    public InboxStream open(String deviceId, Consumer<ServerMessage> sink) {
        InboxStream stream = new InboxStream(deviceId, db, inbox, executor, timers, sink);
        byDevice.computeIfAbsent(deviceId, k -> ConcurrentHashMap.newKeySet()).add(stream);
        stream.wake();
        return stream;
    }

    /** Stops and forgets a stream whose connection closed. */
    public void close(InboxStream stream) {
        stream.close();
        byDevice.computeIfPresent(stream.deviceId(), (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    /** New items were committed for these devices. */
    void wake(Collection<String> deviceIds) {
        for (String deviceId : deviceIds) {
            Set<InboxStream> streams = byDevice.get(deviceId);
            if (streams != null) {
                streams.forEach(InboxStream::wake);
            }
        }
    }

    /** The device acknowledged up to {@code seq}. */
    void acked(String deviceId, long seq) {
        Set<InboxStream> streams = byDevice.get(deviceId);
        if (streams != null) {
            streams.forEach(s -> s.acked(seq));
        }
    }
}
