package dev.confab.server.ws;

import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import dev.confab.server.sessions.Principal;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every open connection, indexed by user, device and session, and the {@link Notifier} that queues events on
 * them. It also holds the connection limits: at most {@code maxPerSession} connections per session (a newer one
 * replaces the oldest) and {@code maxPerUser} per account (a further one is refused). Lookups are lock-free;
 * adding and removing take the registry's monitor, so counting and indexing are one step, and never write to a
 * socket while holding it. Thread-safe.
 */
public final class ConnectionRegistry implements Notifier {
    /**
     * The outcome of {@link #add}: whether the connection was admitted, whether it is its device's first, and the
     * older connections of its session it replaces (the caller closes those).
     */
    public record Admission(boolean admitted, boolean firstOfDevice, List<Connection> replaced) {
        static final Admission REFUSED = new Admission(false, false, List.of());
    }

    private final int maxPerSession;
    private final int maxPerUser;
    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byDevice = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();

    public ConnectionRegistry(int maxPerSession, int maxPerUser) {
        this.maxPerSession = maxPerSession;
        this.maxPerUser = maxPerUser;
    }

    /**
     * Adds a connection unless its account has {@code maxPerUser} open already; when its session has
     * {@code maxPerSession}, the oldest ones are retired to make room.
     */
    public synchronized Admission add(Connection c) {
        List<Connection> replaced = toReplace(c.principal());
        if (!admits(c.principal(), replaced)) {
            return Admission.REFUSED;
        }
        replaced.forEach(Connection::retire);
        all.add(c);
        index(byUser, c.principal().userId(), c);
        index(bySession, c.principal().sessionId(), c);
        boolean first = index(byDevice, c.principal().deviceId(), c) == 1;
        return new Admission(true, first, List.copyOf(replaced));
    }

    /** Removes a connection; returns whether its device has no connection left. */
    public synchronized boolean remove(Connection c) {
        all.remove(c);
        unindex(byUser, c.principal().userId(), c);
        unindex(bySession, c.principal().sessionId(), c);
        boolean last = unindex(byDevice, c.principal().deviceId(), c);
        if (all.isEmpty()) {
            notifyAll();
        }
        return last;
    }

    /** Whether a new connection for {@code p} would be admitted now (checked before the upgrade, and again by add). */
    public synchronized boolean admits(Principal p) {
        return admits(p, toReplace(p));
    }

    /** How many connections of the user count against {@code maxPerUser} now. */
    int openConnections(String userId) {
        return counted(byUser.get(userId)).size();
    }

    /** Waits until every connection was removed, at most {@code timeout}; returns whether none is left. */
    public synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); !all.isEmpty() && left > 0; left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        return all.isEmpty();
    }

    /** Whether the device has a connection open. */
    public boolean isConnected(String deviceId) {
        return byDevice.containsKey(deviceId);
    }

    /** The user's devices with an open connection. */
    public Set<String> connectedDevices(String userId) {
        Set<Connection> connections = byUser.get(userId);
        if (connections == null) {
            return Set.of();
        }
        return connections.stream().filter(c -> !c.isClosing()).map(c -> c.principal().deviceId())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public int size() {
        return all.size();
    }

    /** A snapshot of every connection (heartbeats, shutdown). */
    public List<Connection> all() {
        return List.copyOf(all);
    }

    @Override
    public void toUser(String userId, ServerMessage message) {
        Set<Connection> connections = byUser.get(userId);
        if (connections != null && !connections.isEmpty()) {
            String frame = WsCodec.encode(message);
            connections.forEach(c -> c.sendText(frame));
        }
    }

    @Override
    public void toUsers(Collection<String> userIds, ServerMessage message) {
        String frame = null;
        for (String userId : userIds) {
            Set<Connection> connections = byUser.get(userId);
            if (connections != null && !connections.isEmpty()) {
                if (frame == null) {
                    frame = WsCodec.encode(message);
                }
                for (Connection c : connections) {
                    c.sendText(frame);
                }
            }
        }
    }

    @Override
    public void toDevice(String deviceId, ServerMessage message) {
        Set<Connection> connections = byDevice.get(deviceId);
        if (connections != null && !connections.isEmpty()) {
            String frame = WsCodec.encode(message);
            connections.forEach(c -> c.sendText(frame));
        }
    }

    @Override
    public void sessionsRevoked(Collection<String> sessionIds) {
        for (String sessionId : sessionIds) {
            Set<Connection> connections = bySession.get(sessionId);
            if (connections != null) {
                connections.forEach(c -> c.closeAfter(new ServerMessage.SessionRevoked(sessionId),
                        Connection.CLOSE_REVOKED, "session revoked"));
            }
        }
    }

    /** The oldest connections of the session that a new one would replace, oldest first. */
    private List<Connection> toReplace(Principal p) {
        List<Connection> ofSession = counted(bySession.get(p.sessionId())).stream()
                .sorted(Comparator.comparingLong(Connection::id)).toList();
        return ofSession.subList(0, Math.max(0, ofSession.size() + 1 - maxPerSession));
    }

    private boolean admits(Principal p, List<Connection> replaced) {
        return counted(byUser.get(p.userId())).size() - replaced.size() < maxPerUser;
    }

    private static List<Connection> counted(Set<Connection> connections) {
        return connections == null ? List.of() : connections.stream().filter(Connection::counts).toList();
    }

    private static int index(Map<String, Set<Connection>> map, String key, Connection c) {
        int[] size = new int[1];
        map.compute(key, (k, set) -> {
            Set<Connection> s = set != null ? set : ConcurrentHashMap.newKeySet();
            s.add(c);
            size[0] = s.size();
            return s;
        });
        return size[0];
    }

    private static boolean unindex(Map<String, Set<Connection>> map, String key, Connection c) {
        boolean[] empty = new boolean[1];
        map.computeIfPresent(key, (k, set) -> {
            set.remove(c);
            empty[0] = set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return empty[0] || !map.containsKey(key);
    }
}
