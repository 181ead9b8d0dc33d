package dev.confab.media.rtp.cc;

/**
 * The state of the send-side estimate at one moment. Immutable.
 *
 * @param targetBps          the target bitrate
 * @param acknowledgedBps    what got through lately, or -1 before enough feedback
 * @param usage              the delay-based detector's conclusion
 * @param lossFraction       the loss of the last stretch the loss-based part judged
 * @param roundTripNanos     the smoothed round trip through feedback, or -1 before any
 * @param unknownFeedback    feedback statuses for packets not in the send history
 */
public record CongestionSnapshot(long targetBps, long acknowledgedBps, BandwidthUsage usage, double lossFraction,
        long roundTripNanos, long unknownFeedback) {}
