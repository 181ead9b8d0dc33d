package dev.confab.client.core.calls;

import dev.confab.media.call.MediaFailure;
import java.util.Objects;

/**
 * How a call ended: the reason, how the media failed when that was the reason, and a detail for logs. Immutable.
 *
 * @param reason       why, from this device's point of view
 * @param mediaFailure how the media path failed, for {@link EndReason#NETWORK_FAILURE}; null otherwise
 * @param detail       what exactly happened, for logs and "details" views; may be empty
 */
public record CallEnd(EndReason reason, MediaFailure mediaFailure, String detail) {

    public CallEnd {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        if ((reason == EndReason.NETWORK_FAILURE) != (mediaFailure != null)) {
            throw new IllegalArgumentException("a media failure goes with NETWORK_FAILURE, and only with it");
        }
    }

    static CallEnd of(EndReason reason) {
        return new CallEnd(reason, null, "");
    }

    static CallEnd of(EndReason reason, String detail) {
        return new CallEnd(reason, null, detail);
    }

    static CallEnd network(MediaFailure failure, String detail) {
        return new CallEnd(EndReason.NETWORK_FAILURE, failure, detail);
    }

    /** One sentence for the person on this device; {@code peer} names the other party. */
    public String message(String peer) {
        return switch (reason) {
            case DECLINED -> peer + " declined the call.";
            case DECLINED_BY_YOU -> "You declined the call.";
            case DECLINED_ELSEWHERE -> "You declined the call on another device.";
            case BUSY -> peer + " is busy in another call.";
            case NO_ANSWER -> peer + " did not answer.";
            case CANCELLED_BY_YOU -> "You cancelled the call.";
            case MISSED -> "Missed call: " + peer + " hung up before you answered.";
            case MISSED_WHILE_BUSY -> "Missed call: " + peer + " called while you were in another call.";
            case LOST_BY_SERVER -> "The server lost the call while it rang (it may have restarted). Call again.";
            case HUNG_UP_BY_YOU -> "You hung up.";
            case HUNG_UP_BY_PEER -> peer + " hung up.";
            case ANSWERED_ELSEWHERE -> "You answered on another device.";
            case NETWORK_FAILURE -> switch (mediaFailure) {
                case NO_PATH -> "Your network and " + peer + "'s cannot reach each other, not even through a relay.";
                case PATH_LOST -> "The connection to " + peer + " was lost and could not be restored.";
                case HANDSHAKE_FAILED -> "The call could not be encrypted with " + peer + "'s device.";
            };
            case PEER_GONE -> peer + " lost the connection to the server.";
            case IDENTITY_MISMATCH -> "Identity mismatch: the call could not be verified as coming from " + peer
                    + "'s device. Someone, possibly the server, may be interfering; the call was ended.";
            case UNTRUSTED_KEY -> peer + "'s device has a new or changed key you have not trusted. Compare safety"
                    + " numbers, then trust the keys to call.";
            case UNAVAILABLE -> peer + " is not online.";
            case OFFLINE -> "The server cannot be reached; check your connection.";
            case REFUSED -> "You cannot call " + peer + " (not a contact, or blocked).";
            case FAILED -> "The call failed" + (detail.isEmpty() ? "." : ": " + detail + ".");
        };
    }
}
