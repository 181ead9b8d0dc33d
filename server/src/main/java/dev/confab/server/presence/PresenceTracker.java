package dev.confab.server.presence;

import dev.confab.protocol.PresenceState;
import dev.confab.protocol.rest.PresenceInfo;
import dev.confab.server.support.OrderedOutbox;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * In-memory presence of users with connected devices: per device its chosen state and number of open
 * connections, combined per user by {@link PresenceCombiner}. Each change runs under the user's own lock; the new
 * combined presence is handed to the change's listener after the lock is released, through the user's
 * {@link OrderedOutbox}, so listeners see one user's changes in order (and queue them to contacts in that order)
 * while no socket write ever starts under the lock. Rebuilt from reconnecting clients after a restart.
 * Thread-safe.
 */
public final class PresenceTracker {
    private static final class UserEntry {
        final Map<String, PresenceState> states = new HashMap<>();
        final Map<String, Integer> connections = new HashMap<>();
        final OrderedOutbox outbox = new OrderedOutbox();
        long lastSeenAt;

        PresenceInfo info() {
            PresenceState state = PresenceCombiner.combine(states.values());
            return new PresenceInfo(state, state == PresenceState.OFFLINE ? lastSeenAt : 0);
        }
    }

    private final Map<String, UserEntry> users = new ConcurrentHashMap<>();

    /** A device opened a connection with its remembered chosen state. */
    public void connected(String userId, String deviceId, PresenceState chosen, Consumer<PresenceInfo> onChange) {
        update(userId, e -> {
            e.connections.merge(deviceId, 1, Integer::sum);
            e.states.put(deviceId, chosen);
        }, onChange);
    }

    /** A device closed a connection; when it was its last, the device stops counting at {@code now}. */
    public void disconnected(String userId, String deviceId, long now, Consumer<PresenceInfo> onChange) {
        update(userId, e -> {
            Integer left = e.connections.computeIfPresent(deviceId, (k, n) -> n > 1 ? n - 1 : null);
            if (left == null) {
                e.states.remove(deviceId);
                e.lastSeenAt = now;
            }
        }, onChange);
    }

    /** A connected device chose a state; does nothing for a device that is not connected. */
    public void chose(String userId, String deviceId, PresenceState state, Consumer<PresenceInfo> onChange) {
        update(userId, e -> e.states.computeIfPresent(deviceId, (k, old) -> state), onChange);
    }

    /** The user's presence if this server has seen them connected since it started; null otherwise. */
    public PresenceInfo current(String userId) {
        UserEntry e = users.get(userId);
        if (e == null) {
            return null;
        }
        synchronized (e) {
            return e.info();
        }
    }

    /** Whether any device of the user is connected. */
    public boolean isOnline(String userId) {
        PresenceInfo info = current(userId);
        return info != null && info.state() != PresenceState.OFFLINE;
    }

    /** Number of users with at least one connected device. */
    public int onlineUsers() {
        return (int) users.keySet().stream().filter(this::isOnline).count();
    }

    private void update(String userId, Consumer<UserEntry> change, Consumer<PresenceInfo> onChange) {
        UserEntry e = users.computeIfAbsent(userId, k -> new UserEntry());
        synchronized (e) {
            PresenceInfo before = e.info();
            change.accept(e);
            PresenceInfo after = e.info();
            if (!after.equals(before)) {
                e.outbox.add(() -> onChange.accept(after));
            }
        }
        e.outbox.drain();
    }
}
