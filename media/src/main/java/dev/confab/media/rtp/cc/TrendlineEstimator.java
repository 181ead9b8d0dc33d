package dev.confab.media.rtp.cc;

/**
 * Estimates whether queuing delay grows (GCC section 5.3, with libwebrtc's trendline filter in place of the Kalman
 * filter): the delay variations of packet groups are summed, smoothed exponentially, and a least-squares line is fitted
 * through the last {@link #WINDOW} (arrival time, smoothed delay) points; its slope, scaled by how many groups were
 * seen (up to 60) and a gain of 4, is what the {@link OveruseDetector} compares with its threshold.
 *
 * <p>Thread contract: one thread at a time (the estimator's).
 */
final class TrendlineEstimator {
    static final int WINDOW = 20;
    private static final double SMOOTHING = 0.9;
    private static final double GAIN = 4;
    private static final int MAX_SCALE = 60;

    private final double[] x = new double[WINDOW];
    private final double[] y = new double[WINDOW];
    private int points;
    private int next;
    private int groups;
    private boolean started;
    private long firstArrivalNanos;
    private double accumulatedMs;
    private double smoothedMs;
    private double trend;

    /** Takes one group's delay variation; returns the scaled trend. */
    double onGroup(long variationNanos, long arrivalNanos) {
        if (!started) {
            started = true;
            firstArrivalNanos = arrivalNanos;
        }
        groups = Math.min(groups + 1, MAX_SCALE);
        accumulatedMs += variationNanos / 1e6;
        smoothedMs = SMOOTHING * smoothedMs + (1 - SMOOTHING) * accumulatedMs;
        x[next] = (arrivalNanos - firstArrivalNanos) / 1e6;
        y[next] = smoothedMs;
        next = (next + 1) % WINDOW;
        points = Math.min(points + 1, WINDOW);
        if (points == WINDOW) {
            trend = slope();
        }
        return groups * trend * GAIN;
    }

    /** The raw slope last fitted: milliseconds of delay gained per millisecond. */
    double trend() {
        return trend;
    }

    private double slope() {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < WINDOW; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= WINDOW;
        meanY /= WINDOW;
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < WINDOW; i++) {
            numerator += (x[i] - meanX) * (y[i] - meanY);
            denominator += (x[i] - meanX) * (x[i] - meanX);
        }
        return denominator == 0 ? trend : numerator / denominator;
    }
}
