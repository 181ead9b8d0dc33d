package dev.confab.server.ws;

import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every open connection, indexed by user, device and session, and the {@link Notifier} that queues events on
 * them. Lookups are lock-free; adding and removing update the indexes with per-key atomic operations.
 * Thread-safe.
 */
public final class ConnectionRegistry implements Notifier {
    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byDevice = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();

    /** Adds a connection; returns whether it is its device's only one. */
    public boolean add(Connection c) {
        all.add(c);
        index(byUser, c.principal().userId(), c);
        index(bySession, c.principal().sessionId(), c);
        return index(byDevice, c.principal().deviceId(), c) == 1;
    }

    /** Removes a connection; returns whether its device has no connection left. */
    public boolean remove(Connection c) {
        all.remove(c);
        unindex(byUser, c.principal().userId(), c);
        unindex(bySession, c.principal().sessionId(), c);
        return unindex(byDevice, c.principal().deviceId(), c);
    }

    /** The user's devices with an open connection. */
    public Set<String> connectedDevices(String userId) {
        Set<Connection> connections = byUser.get(userId);
        if (connections == null) {
            return Set.of();
        }
        return connections.stream().filter(c -> !c.isClosing()).map(c -> c.principal().deviceId())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
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
