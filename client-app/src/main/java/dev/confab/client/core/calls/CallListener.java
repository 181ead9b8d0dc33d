package dev.confab.client.core.calls;

import dev.confab.protocol.ws.ServerMessage;

/**
 * Observes call signaling from the server. Runs on the client's event thread, in order; must not block (hand
 * media work to the call engine's own executor). The records are the protocol's; their fields are described in
 * {@code docs/protocol.md}.
 */
public interface CallListener {
    /** A contact calls this device. Verify {@code signature} over the SDP against the caller's pinned key. */
    default void onIncoming(ServerMessage.CallIncoming call) {}

    /** A device of the callee rings (caller side). */
    default void onRinging(ServerMessage.CallRinging ringing) {}

    /** The callee's device answered (caller side). */
    default void onAccepted(ServerMessage.CallAccepted accepted) {}

    /** A trickled ICE candidate from the other party. */
    default void onCandidate(ServerMessage.CallCandidate candidate) {}

    /** A renegotiation offer or answer from the other party. */
    default void onSdp(ServerMessage.CallSdp sdp) {}

    /** The call ended, with the reason from this device's point of view. */
    default void onEnded(ServerMessage.CallEnded ended) {}

    /** The event connection is up again after a drop (or a server restart): messages meanwhile may be lost. */
    default void onReconnected() {}
}
