package dev.confab.media.audio.jitter;

/**
 * Shortens or lengthens 48 kHz PCM by one pitch period without a gap or a click (WSOLA, as NetEq's accelerate and
 * preemptive expand): it finds the lag at which the signal best repeats itself and cross-fades two consecutive periods
 * into one, or one period into two. It declines, returning 0, when the signal is neither periodic enough nor quiet
 * enough for the splice to go unheard. The pitch search runs on a 12 kHz copy and is refined at 48 kHz, so it costs
 * tens of microseconds. Owns its scratch buffers: one thread at a time.
 */
final class TimeStretcher {
    /** Shortest period searched: 2.5 ms (400 Hz). */
    static final int MIN_PERIOD = 120;
    /** Longest period searched: 20 ms (50 Hz). */
    static final int MAX_PERIOD = 960;
    private static final int DECIMATION = 4;
    private static final int REFINE = 2 * DECIMATION;
    private static final double PERIODIC = 0.9;
    private static final double NEAR_BEST = 0.97;
    /** Mean square below which a segment is quiet enough (about -60 dBFS) to splice anywhere. */
    private static final double QUIET_POWER = 33.0 * 33.0;

    private final double[] coarse = new double[2 * MAX_PERIOD / DECIMATION];
    private final double[] correlations = new double[MAX_PERIOD / DECIMATION + 1];
    private final short[] spliced = new short[2 * MAX_PERIOD];

    /**
     * Cross-fades the first two periods of {@code x[off, off + available)} into one, removing at most {@code maxRemove}
     * samples. Returns the period {@code p} removed, with the {@code p} samples that replace the first {@code 2p} in
     * {@link #spliced()}; or 0.
     */
    int accelerate(short[] x, int off, int available, int maxRemove) {
        int period = period(x, off, available, maxRemove);
        for (int i = 0; i < period; i++) {
            spliced[i] = fade(x[off + i], x[off + period + i], i, period);
        }
        return period;
    }

    /**
     * Repeats the first period of {@code x[off, off + available)}, adding at most {@code maxInsert} samples. Returns the
     * period {@code p} added, with the {@code 2p} samples that replace the first {@code p} in {@link #spliced()}; or 0.
     */
    int expand(short[] x, int off, int available, int maxInsert) {
        int period = period(x, off, available, maxInsert);
        System.arraycopy(x, off, spliced, 0, period);
        for (int i = 0; i < period; i++) {
            spliced[period + i] = fade(x[off + period + i], x[off + i], i, period);
        }
        return period;
    }

    /** The result of the last {@link #accelerate} or {@link #expand}. */
    short[] spliced() {
        return spliced;
    }

    /** Linear cross-fade from {@code from} (at i = 0) to {@code to} (at i = length). */
    private static short fade(short from, short to, int i, int length) {
        return (short) Math.round((from * (double) (length - i) + to * (double) i) / length);
    }

    /** The period to splice at, or 0 if none sounds clean; at most {@code available / 2} and {@code limit}. */
    private int period(short[] x, int off, int available, int limit) {
        int maxLag = Math.min(MAX_PERIOD, Math.min(available / 2, limit));
        if (maxLag < MIN_PERIOD) {
            return 0;
        }
        if (meanSquare(x, off, 2 * maxLag) < QUIET_POWER) {
            return maxLag;
        }
        int coarseLag = coarseLag(x, off, maxLag);
        int best = 0;
        double bestCorrelation = -1;
        for (int lag = Math.max(MIN_PERIOD, coarseLag - REFINE); lag <= Math.min(maxLag, coarseLag + REFINE); lag++) {
            double c = correlation(x, off, lag);
            if (c > bestCorrelation) {
                bestCorrelation = c;
                best = lag;
            }
        }
        return bestCorrelation >= PERIODIC ? best : 0;
    }

    /** The best lag on a 12 kHz copy, scaled back to 48 kHz; the shortest of the near-best, to splice small. */
    private int coarseLag(short[] x, int off, int maxLag) {
        int n = 2 * maxLag / DECIMATION;
        for (int j = 0; j < n; j++) {
            int at = off + j * DECIMATION;
            coarse[j] = x[at] + x[at + 1] + x[at + 2] + x[at + 3];
        }
        int minLag = MIN_PERIOD / DECIMATION;
        int maxCoarse = maxLag / DECIMATION;
        double best = -1;
        for (int lag = minLag; lag <= maxCoarse; lag++) {
            correlations[lag] = coarseCorrelation(lag);
            best = Math.max(best, correlations[lag]);
        }
        for (int lag = minLag; lag <= maxCoarse; lag++) {
            if (correlations[lag] >= NEAR_BEST * best) {
                return lag * DECIMATION;
            }
        }
        return minLag * DECIMATION;
    }

    private double coarseCorrelation(int lag) {
        double cross = 0;
        double first = 0;
        double second = 0;
        for (int j = 0; j < lag; j++) {
            double a = coarse[j];
            double b = coarse[j + lag];
            cross += a * b;
            first += a * a;
            second += b * b;
        }
        return normalized(cross, first, second);
    }

    /** Normalised correlation of {@code x[0, lag)} with {@code x[lag, 2 lag)}. */
    private static double correlation(short[] x, int off, int lag) {
        double cross = 0;
        double first = 0;
        double second = 0;
        for (int i = 0; i < lag; i++) {
            double a = x[off + i];
            double b = x[off + lag + i];
            cross += a * b;
            first += a * a;
            second += b * b;
        }
        return normalized(cross, first, second);
    }

    private static double normalized(double cross, double first, double second) {
        double energy = Math.sqrt(first * second);
        return energy == 0 ? 0 : cross / energy;
    }

    private static double meanSquare(short[] x, int off, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[off + i] * (double) x[off + i];
        }
        return sum / n;
    }
}
