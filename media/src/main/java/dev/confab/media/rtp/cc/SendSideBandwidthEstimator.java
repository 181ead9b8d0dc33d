package dev.confab.media.rtp.cc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sender's bandwidth estimate from transport-cc feedback, after GCC (draft-ietf-rmcat-gcc-02): the delay-based
 * rate ({@link InterArrival} groups, {@link TrendlineEstimator}, {@link OveruseDetector}, {@link AimdRateControl})
 * and the loss-based limit ({@link LossBasedControl}); the target is the lower of the two within the
 * {@link BandwidthLimits}. It starts at the limits' start rate, before any feedback.
 *
 * <p>Thread contract: one thread at a time.
 */
public final class SendSideBandwidthEstimator {
    private static final double ROUND_TRIP_SMOOTHING = 0.9;
    private static final long DEFAULT_ROUND_TRIP_NANOS = 200_000_000;

    private final BandwidthLimits limits;
    private final InterArrival interArrival = new InterArrival();
    private final TrendlineEstimator trendline = new TrendlineEstimator();
    private final OveruseDetector detector = new OveruseDetector();
    private final AimdRateControl rateControl;
    private final LossBasedControl lossControl = new LossBasedControl();
    private final AcknowledgedBitrate acknowledged = new AcknowledgedBitrate();
    private final List<PacketResult> received = new ArrayList<>();
    private BandwidthUsage usage = BandwidthUsage.NORMAL;
    private long previousGroupArrival = Long.MIN_VALUE;
    private long roundTripNanos = -1;
    private long targetBps;

    public SendSideBandwidthEstimator(BandwidthLimits limits) {
        this.limits = limits;
        this.rateControl = new AimdRateControl(limits);
        this.targetBps = limits.startBps();
    }

    /** Takes what one feedback message reported; returns the new target. */
    public long onFeedback(FeedbackReport report) {
        long now = report.feedbackNanos();
        if (report.roundTripNanos() >= 0) {
            roundTripNanos = roundTripNanos < 0 ? report.roundTripNanos()
                    : (long) (ROUND_TRIP_SMOOTHING * roundTripNanos
                            + (1 - ROUND_TRIP_SMOOTHING) * report.roundTripNanos());
        }
        received.clear();
        for (PacketResult packet : report.packets()) {
            lossControl.onPacket(packet.received());
            if (packet.received()) {
                received.add(packet);
            }
        }
        received.sort(Comparator.comparingLong(PacketResult::arrivalNanos));
        for (PacketResult packet : received) {
            acknowledged.onReceived(packet.arrivalNanos(), packet.sizeBytes());
            if (interArrival.onPacket(packet.sendNanos(), packet.arrivalNanos())) {
                long arrival = interArrival.completedArrivalNanos();
                long spacing = previousGroupArrival == Long.MIN_VALUE ? 0 : arrival - previousGroupArrival;
                previousGroupArrival = arrival;
                double scaled = trendline.onGroup(interArrival.variationNanos(), arrival);
                usage = detector.detect(scaled, trendline.trend(), spacing, now);
            }
        }
        long roundTrip = roundTripNanos < 0 ? DEFAULT_ROUND_TRIP_NANOS : roundTripNanos;
        long delayBased = received.isEmpty() ? rateControl.rateBps()
                : rateControl.update(usage, acknowledged.bitrateBps(), roundTrip, now);
        long lossLimit = lossControl.update(targetBps, delayBased, roundTrip, now);
        targetBps = Math.clamp(Math.min(delayBased, lossLimit), limits.minBps(), limits.maxBps());
        return targetBps;
    }

    /** What the sender may send, all streams and overhead counted, in bits per second. */
    public long targetBps() {
        return targetBps;
    }

    /** What got through lately, or -1 before enough feedback. */
    public long acknowledgedBps() {
        return acknowledged.bitrateBps();
    }

    /** The delay-based detector's latest conclusion. */
    public BandwidthUsage usage() {
        return usage;
    }

    /** The loss fraction of the last stretch of feedback the loss-based part judged. */
    public double lossFraction() {
        return lossControl.lastFraction();
    }

    /** The smoothed round trip seen through feedback, or -1 before any. */
    public long roundTripNanos() {
        return roundTripNanos;
    }
}
