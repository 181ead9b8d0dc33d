package dev.confab.server.calls;

import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.server.sessions.Principal;

/**
 * Relays call signaling between the devices of a call. This build keeps calls in memory
 * ({@link InMemoryCallRelay}); a later one shares them between server nodes. Implementations are thread-safe.
 */
public interface CallRelay {
    /**
     * Handles a {@code call.*} message from a device. When the message is accepted, {@code ack} runs first and
     * the resulting events are queued after it; a refused message throws a {@link ProtocolException}
     * ({@code call_not_found}, {@code conflict}, {@code not_contacts}, {@code blocked}...) and nothing is sent.
     */
    void handle(Principal from, ClientMessage message, Runnable ack);

    /**
     * {@code actorUserId} blocked {@code otherUserId} or removed them as a contact: every call between the two,
     * ringing or answered, ends as if the actor had ended it ({@code hangup}, {@code cancelled} or {@code declined}).
     */
    void endBetween(String actorUserId, String otherUserId);

    /** A device's first connection opened: a call it is part of no longer waits for it. */
    void deviceOnline(String deviceId);

    /** A device's last connection closed: its calls end {@code peer_gone} unless it returns within the grace. */
    void deviceOffline(String deviceId);

    /** Calls ringing or answered right now. */
    int activeCalls();
}
