package dev.confab.client.core.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of this device as the call history keeps it. Immutable.
 *
 * @param callId     the call id the server knew it by
 * @param peerUserId the other party
 * @param direction  who placed it
 * @param video      whether the caller placed a video call
 * @param started    when it was placed, or rang here
 * @param answered   when it was answered; empty if it never was
 * @param ended      when it ended
 * @param endReason  why it ended
 * @param missed     an incoming call nobody on this user's devices answered or declined
 */
public record CallRecord(String callId, String peerUserId, CallDirection direction, boolean video, Instant started,
        Optional<Instant> answered, Instant ended, EndReason endReason, boolean missed) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(peerUserId, "peerUserId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(endReason, "endReason");
    }

    /** The record of {@code call}, which has ended. */
    static CallRecord of(Call call, CallEnd end) {
        Optional<Instant> answered = call.answeredAt();
        return new CallRecord(call.id(), call.peerUserId(), call.direction(),
                call.media() == dev.confab.protocol.ws.CallMedia.VIDEO, call.startedAt(), answered,
                call.endedAt().orElse(call.startedAt()), end.reason(),
                missed(call.direction(), answered.isPresent(), end.reason()));
    }

    /** An incoming call that was never answered, and not declined or taken on one of this user's devices. */
    static boolean missed(CallDirection direction, boolean answered, EndReason reason) {
        return direction == CallDirection.INCOMING && !answered && switch (reason) {
            case DECLINED_BY_YOU, DECLINED_ELSEWHERE, ANSWERED_ELSEWHERE -> false;
            default -> true;
        };
    }

    /** How long the call was talked, from answer to end; empty for a call never answered. */
    public Optional<Duration> talked() {
        return answered.map(at -> Duration.between(at, ended));
    }
}
