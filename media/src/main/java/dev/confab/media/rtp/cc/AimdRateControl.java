package dev.confab.media.rtp.cc;

/**
 * The delay-based rate (GCC section 5.5): on overuse it drops to 85% of what was acknowledged (at most once per round
 * trip, clamped to 10-200 ms), on underuse it holds while queues drain, otherwise it increases: multiplicatively, 8%
 * per second (a faster {@link #STARTUP_INCREASE_PER_SECOND} until the first overuse), or additively, about one packet
 * per response time (round trip + 100 ms), while near the link capacity learnt from earlier overuses. It never rises
 * above 1.5 times the acknowledged rate plus 10 kbit/s, so an increase stays near what actually got through.
 *
 * <p>Thread contract: one thread at a time (the estimator's).
 */
final class AimdRateControl {
    static final double STARTUP_INCREASE_PER_SECOND = 1.5;
    private static final double INCREASE_PER_SECOND = 1.08;
    private static final double BETA = 0.85;
    private static final double ACKED_HEADROOM = 1.5;
    private static final long ACKED_MARGIN_BPS = 10_000;
    private static final long MIN_REDUCE_INTERVAL_NANOS = 10_000_000;
    private static final long MAX_REDUCE_INTERVAL_NANOS = 200_000_000;
    private static final long RESPONSE_EXTRA_NANOS = 100_000_000;
    private static final double PACKET_BITS = 1200 * 8;
    private static final double MIN_ADDITIVE_BPS_PER_SECOND = 4_000;
    private static final double CAPACITY_SMOOTHING = 0.05;

    private final BandwidthLimits limits;
    private final LinkCapacity capacity = new LinkCapacity(CAPACITY_SMOOTHING);
    private double rateBps;
    private boolean increasing;
    private boolean overusedOnce;
    private long lastUpdateNanos = Long.MIN_VALUE;
    private long lastDecreaseNanos = Long.MIN_VALUE;

    AimdRateControl(BandwidthLimits limits) {
        this.limits = limits;
        this.rateBps = limits.startBps();
    }

    /**
     * Applies the detector's conclusion at {@code nowNanos}; returns the new rate.
     *
     * @param ackedBps the acknowledged bitrate, or -1 if not known yet
     */
    long update(BandwidthUsage usage, long ackedBps, long roundTripNanos, long nowNanos) {
        double elapsedSeconds = lastUpdateNanos == Long.MIN_VALUE ? 0
                : Math.min(1, (nowNanos - lastUpdateNanos) / 1e9);
        lastUpdateNanos = nowNanos;
        if (ackedBps > 0 && capacity.known() && ackedBps > capacity.upperBps()) {
            capacity.reset();
        }
        switch (usage) {
            case OVERUSING -> decrease(ackedBps, roundTripNanos, nowNanos);
            case UNDERUSING -> increasing = false;
            case NORMAL -> {
                if (increasing) {
                    increase(elapsedSeconds, ackedBps, roundTripNanos);
                }
                increasing = true;
            }
        }
        rateBps = Math.clamp(rateBps, limits.minBps(), limits.maxBps());
        return (long) rateBps;
    }

    long rateBps() {
        return (long) rateBps;
    }

    private void increase(double elapsedSeconds, long ackedBps, long roundTripNanos) {
        double increased;
        if (capacity.known()) {
            double responseSeconds = (roundTripNanos + RESPONSE_EXTRA_NANOS) / 1e9;
            increased = rateBps + Math.max(MIN_ADDITIVE_BPS_PER_SECOND, PACKET_BITS / responseSeconds) * elapsedSeconds;
        } else {
            double perSecond = overusedOnce ? INCREASE_PER_SECOND : STARTUP_INCREASE_PER_SECOND;
            increased = rateBps * Math.pow(perSecond, elapsedSeconds) + 1000 * elapsedSeconds;
        }
        if (ackedBps > 0) {
            increased = Math.min(increased, Math.max(rateBps, ACKED_HEADROOM * ackedBps + ACKED_MARGIN_BPS));
        }
        rateBps = Math.max(rateBps, increased);
    }

    private void decrease(long ackedBps, long roundTripNanos, long nowNanos) {
        increasing = false;
        long interval = Math.clamp(roundTripNanos, MIN_REDUCE_INTERVAL_NANOS, MAX_REDUCE_INTERVAL_NANOS);
        if (lastDecreaseNanos != Long.MIN_VALUE && nowNanos - lastDecreaseNanos < interval) {
            return;
        }
        lastDecreaseNanos = nowNanos;
        overusedOnce = true;
        double base = ackedBps > 0 ? ackedBps : rateBps;
        rateBps = Math.min(rateBps, BETA * base);
        if (ackedBps > 0) {
            capacity.onOveruse(ackedBps);
        }
    }
}
