package dev.confab.media.rtp.cc;

import java.util.List;

/**
 * The packets one transport-cc feedback message reported, matched to what was sent. Immutable.
 *
 * @param packets        in sequence order: those sent and not yet reported received (unknown and repeated ones are
 *                       left out)
 * @param feedbackNanos  when the feedback arrived, on the sender's clock
 * @param roundTripNanos now less the send time of the newest packet reported received (an upper bound of the round
 *                       trip: it includes the receiver's wait before sending feedback), or -1 if none was
 */
public record FeedbackReport(List<PacketResult> packets, long feedbackNanos, long roundTripNanos) {
    public FeedbackReport {
        packets = List.copyOf(packets);
    }
}
