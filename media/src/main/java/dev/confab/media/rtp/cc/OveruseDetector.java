package dev.confab.media.rtp.cc;

/**
 * Turns the trendline's scaled trend into a {@link BandwidthUsage} (GCC section 5.4): overuse when the trend stays
 * above an adaptive threshold for more than 10 ms and two groups and is not falling, underuse when below its negative.
 * The threshold follows the trend's magnitude, slowly up (0.0087/ms) and faster down (0.039/ms), within 6-600, so a
 * competing TCP flow's standing queue does not starve us yet real queue growth is caught; outliers (15 above the
 * threshold) do not move it.
 *
 * <p>Thread contract: one thread at a time (the estimator's).
 */
final class OveruseDetector {
    private static final double INITIAL_THRESHOLD = 12.5;
    private static final double MIN_THRESHOLD = 6;
    private static final double MAX_THRESHOLD = 600;
    private static final double K_UP = 0.0087;
    private static final double K_DOWN = 0.039;
    private static final double OUTLIER = 15;
    private static final double OVERUSE_MS = 10;
    private static final double MAX_STEP_MS = 100;

    private double threshold = INITIAL_THRESHOLD;
    private double timeOverusingMs = -1;
    private int overuseCount;
    private double previousTrend;
    private long lastUpdateNanos = Long.MIN_VALUE;
    private BandwidthUsage usage = BandwidthUsage.NORMAL;

    /**
     * Takes the scaled trend of a group that arrived {@code groupSpacingNanos} after the one before; returns the
     * conclusion so far.
     */
    BandwidthUsage detect(double scaledTrend, double trend, long groupSpacingNanos, long nowNanos) {
        double spacingMs = groupSpacingNanos / 1e6;
        if (scaledTrend > threshold) {
            timeOverusingMs = timeOverusingMs < 0 ? spacingMs / 2 : timeOverusingMs + spacingMs;
            overuseCount++;
            if (timeOverusingMs > OVERUSE_MS && overuseCount > 1 && trend >= previousTrend) {
                timeOverusingMs = 0;
                overuseCount = 0;
                usage = BandwidthUsage.OVERUSING;
            }
        } else {
            timeOverusingMs = -1;
            overuseCount = 0;
            usage = scaledTrend < -threshold ? BandwidthUsage.UNDERUSING : BandwidthUsage.NORMAL;
        }
        previousTrend = trend;
        adaptThreshold(scaledTrend, nowNanos);
        return usage;
    }

    double threshold() {
        return threshold;
    }

    private void adaptThreshold(double scaledTrend, long nowNanos) {
        if (lastUpdateNanos == Long.MIN_VALUE) {
            lastUpdateNanos = nowNanos;
        }
        double magnitude = Math.abs(scaledTrend);
        if (magnitude > threshold + OUTLIER) {
            lastUpdateNanos = nowNanos;
            return;
        }
        double k = magnitude < threshold ? K_DOWN : K_UP;
        double stepMs = Math.min((nowNanos - lastUpdateNanos) / 1e6, MAX_STEP_MS);
        threshold = Math.clamp(threshold + k * (magnitude - threshold) * stepMs, MIN_THRESHOLD, MAX_THRESHOLD);
        lastUpdateNanos = nowNanos;
    }
}
