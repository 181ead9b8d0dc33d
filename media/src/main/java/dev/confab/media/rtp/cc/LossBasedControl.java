package dev.confab.media.rtp.cc;

/**
 * The loss-based limit (GCC section 6): over each stretch of at least {@link #MIN_PACKETS} reported packets and
 * {@link #MIN_STRETCH_NANOS} (about an RTCP report interval, so that 5% random loss does not read as 10% in a short
 * stretch by chance), loss above 10% lowers the limit to the target times (1 - loss/2), at most once per round trip
 * plus 300 ms; loss from 2% to 10% holds it at the target; below 2% it rises 8% per second and is lifted once it
 * passes the delay-based rate. Steady random loss below 10% thus holds the estimate rather than pushing it down.
 *
 * <p>Thread contract: one thread at a time (the estimator's).
 */
final class LossBasedControl {
    static final int MIN_PACKETS = 20;
    static final long MIN_STRETCH_NANOS = 1_000_000_000;
    static final long NO_LIMIT = Long.MAX_VALUE;
    private static final double HIGH_LOSS = 0.10;
    private static final double LOW_LOSS = 0.02;
    private static final double INCREASE_PER_SECOND = 1.08;
    private static final long DECREASE_INTERVAL_NANOS = 300_000_000;

    private long expected;
    private long lost;
    private double limitBps = Double.POSITIVE_INFINITY;
    private double lastFraction;
    private long stretchStartNanos = Long.MIN_VALUE;
    private long lastUpdateNanos = Long.MIN_VALUE;
    private long lastDecreaseNanos = Long.MIN_VALUE;

    void onPacket(boolean received) {
        expected++;
        lost += received ? 0 : 1;
    }

    /** Updates the limit if enough packets were reported; returns it, or {@link #NO_LIMIT}. */
    long update(long targetBps, long delayBasedBps, long roundTripNanos, long nowNanos) {
        if (stretchStartNanos == Long.MIN_VALUE) {
            stretchStartNanos = nowNanos;
        }
        if (expected < MIN_PACKETS || nowNanos - stretchStartNanos < MIN_STRETCH_NANOS) {
            return limitBps();
        }
        stretchStartNanos = nowNanos;
        lastFraction = (double) lost / expected;
        expected = 0;
        lost = 0;
        double elapsedSeconds = lastUpdateNanos == Long.MIN_VALUE ? 0
                : Math.min(1, (nowNanos - lastUpdateNanos) / 1e9);
        lastUpdateNanos = nowNanos;
        if (lastFraction > HIGH_LOSS) {
            if (lastDecreaseNanos == Long.MIN_VALUE
                    || nowNanos - lastDecreaseNanos >= DECREASE_INTERVAL_NANOS + roundTripNanos) {
                lastDecreaseNanos = nowNanos;
                limitBps = Math.min(limitBps, targetBps) * (1 - lastFraction / 2);
            }
        } else if (lastFraction >= LOW_LOSS) {
            limitBps = Math.min(limitBps, targetBps);
        } else if (limitBps != Double.POSITIVE_INFINITY) {
            limitBps = limitBps * Math.pow(INCREASE_PER_SECOND, elapsedSeconds) + 1000 * elapsedSeconds;
            if (limitBps >= delayBasedBps) {
                limitBps = Double.POSITIVE_INFINITY;
            }
        }
        return limitBps();
    }

    long limitBps() {
        return limitBps == Double.POSITIVE_INFINITY ? NO_LIMIT : (long) limitBps;
    }

    /** The loss fraction of the last stretch. */
    double lastFraction() {
        return lastFraction;
    }
}
