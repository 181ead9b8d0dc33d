package dev.confab.protocol.ws;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a call ended, as the server reports it in {@code call.ended}. Each device is told the reason from its own
 * point of view: the caller hears {@link #DECLINED}, the callee's other devices {@link #DECLINED_ELSEWHERE}.
 */
public enum CallEndReason {
    /** The callee declined. */
    DECLINED,
    /** Another device of the callee declined. */
    DECLINED_ELSEWHERE,
    /** Every device of the callee is busy in another call. */
    BUSY,
    /** Nobody answered before the ring timeout. */
    NO_ANSWER,
    /** The caller cancelled before anybody answered. */
    CANCELLED,
    /** A party hung up an answered call. */
    HANGUP,
    /** Another device of the callee answered. */
    ANSWERED_ELSEWHERE,
    /** None of the callee's devices is connected. */
    UNAVAILABLE,
    /** The other party's connection to the server went away and did not come back in time. */
    PEER_GONE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
