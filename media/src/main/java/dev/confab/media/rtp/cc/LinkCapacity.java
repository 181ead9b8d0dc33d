package dev.confab.media.rtp.cc;

/**
 * What the path carried when it last overflowed: an exponential average of the acknowledged rate at each overuse and
 * its normalized variance, so the rate control knows when it is near the limit (within three deviations) and can creep
 * instead of leap. Forgotten when more than that gets through (the path got wider).
 *
 * <p>Thread contract: one thread at a time (the estimator's).
 */
final class LinkCapacity {
    private static final double MIN_VARIANCE = 0.4;
    private static final double MAX_VARIANCE = 2.5;

    private final double smoothing;
    private double kbps = -1;
    private double variance = MIN_VARIANCE;

    LinkCapacity(double smoothing) {
        this.smoothing = smoothing;
    }

    boolean known() {
        return kbps >= 0;
    }

    void onOveruse(long ackedBps) {
        double sample = ackedBps / 1000.0;
        if (!known()) {
            kbps = sample;
            return;
        }
        kbps = (1 - smoothing) * kbps + smoothing * sample;
        double error = kbps - sample;
        variance = Math.clamp((1 - smoothing) * variance + smoothing * error * error / Math.max(kbps, 1),
                MIN_VARIANCE, MAX_VARIANCE);
    }

    /** The estimate plus three deviations, in bits per second. */
    double upperBps() {
        return (kbps + 3 * Math.sqrt(variance * kbps)) * 1000;
    }

    void reset() {
        kbps = -1;
        variance = MIN_VARIANCE;
    }
}
