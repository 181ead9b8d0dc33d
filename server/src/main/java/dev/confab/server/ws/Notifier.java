package dev.confab.server.ws;

import dev.confab.protocol.ws.ServerMessage;
import java.util.Collection;

/**
 * How features push events to connected clients. Delivery is best effort and never blocks: a message is queued
 * on each matching connection; a user or device with no connection simply misses advisory events (clients
 * re-read lists over REST after reconnecting). Implementations are thread-safe.
 */
public interface Notifier {
    /** Queues {@code message} on every connection of every device of {@code userId}. */
    void toUser(String userId, ServerMessage message);

    /** Queues {@code message} on every connection of each of {@code userIds}, encoding it once. */
    void toUsers(Collection<String> userIds, ServerMessage message);

    /** Queues {@code message} on every connection of {@code deviceId}. */
    void toDevice(String deviceId, ServerMessage message);

    /** Sends {@code session.revoked} on the connections of these sessions and closes them. */
    void sessionsRevoked(Collection<String> sessionIds);
}
