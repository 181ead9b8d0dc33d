package dev.confab.media.rtp.cc;

/**
 * Watches how long the encoder takes per frame against the time it has (the frame interval), as libwebrtc's overuse
 * frame detector does: the encode usage, an exponential average of encode time over frame interval, above
 * {@link #OVERUSE} means the encoder will soon fall behind real time (its queue would grow), below {@link #UNDERUSE}
 * that a step up may be afforded. A conclusion other than {@link CpuLoad#NORMAL} is given at most once per
 * {@link #DECISION_INTERVAL_NANOS} (each one a step), an underuse only after {@link #UNDERUSE_HOLD_NANOS} without
 * overuse, and the average starts over after each, so every step is judged on frames encoded at it.
 *
 * <p>Thread contract: one thread at a time (the encoder's).
 */
public final class CpuOveruseDetector {
    public static final double OVERUSE = 0.85;
    public static final double UNDERUSE = 0.42;
    public static final long DECISION_INTERVAL_NANOS = 2_000_000_000L;
    public static final long UNDERUSE_HOLD_NANOS = 10_000_000_000L;
    private static final double SMOOTHING = 0.9;
    private static final int MIN_FRAMES = 15;

    private double usage;
    private int frames;
    private long lastDecisionNanos;
    private long lastOveruseNanos;
    private boolean started;

    /** Takes one encoded frame: how long encoding took and the interval between frames at the current rate. */
    public CpuLoad onFrameEncoded(long encodeNanos, long frameIntervalNanos, long nowNanos) {
        if (!started) {
            started = true;
            lastDecisionNanos = nowNanos;
            lastOveruseNanos = nowNanos;
        }
        double sample = (double) encodeNanos / Math.max(frameIntervalNanos, 1);
        usage = frames == 0 ? sample : SMOOTHING * usage + (1 - SMOOTHING) * sample;
        frames++;
        if (frames < MIN_FRAMES || nowNanos - lastDecisionNanos < DECISION_INTERVAL_NANOS) {
            return CpuLoad.NORMAL;
        }
        if (usage > OVERUSE) {
            lastOveruseNanos = nowNanos;
            return decided(nowNanos, CpuLoad.OVERUSED);
        }
        if (usage < UNDERUSE && nowNanos - lastOveruseNanos >= UNDERUSE_HOLD_NANOS) {
            return decided(nowNanos, CpuLoad.UNDERUSED);
        }
        return CpuLoad.NORMAL;
    }

    /** The smoothed encode time over frame interval. */
    public double usage() {
        return usage;
    }

    private CpuLoad decided(long nowNanos, CpuLoad load) {
        lastDecisionNanos = nowNanos;
        frames = 0;
        return load;
    }
}
