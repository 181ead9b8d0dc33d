package dev.confab.client.core.calls;

import java.util.Objects;

/**
 * Who a call is between, as its fingerprint statements name it. Immutable.
 *
 * @param callId       the call, as the signaling server names it
 * @param callerUserId the user who placed it
 * @param calleeUserId the user who was called
 */
record CallParties(String callId, String callerUserId, String calleeUserId) {
    CallParties {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callerUserId, "callerUserId");
        Objects.requireNonNull(calleeUserId, "calleeUserId");
    }
}
