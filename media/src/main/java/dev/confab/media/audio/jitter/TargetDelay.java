package dev.confab.media.audio.jitter;

/**
 * The buffer level playout aims for, from the packets' arrival delays: the configured percentile of a forgetting
 * histogram of relative delay, plus the level that one packet keeps on average (half of it plus half a frame, since
 * the level falls by a frame each pull until the next packet), within the configured bounds. Playout thread only.
 */
final class TargetDelay {
    private static final double BUCKET_MS = 2;
    private static final int SAMPLES_PER_MS = 48;

    private final JitterBufferConfig config;
    private final ArrivalDelay arrivalDelay = new ArrivalDelay();
    private final DelayHistogram histogram;
    private int packetSamples = Playout.FRAME;
    private int targetSamples;
    private int spreadSamples;

    TargetDelay(JitterBufferConfig config) {
        this.config = config;
        this.histogram = new DelayHistogram(BUCKET_MS, config.maxTargetMs(), config.forgetFactor());
        this.targetSamples = config.startDelayMs() * SAMPLES_PER_MS;
    }

    /** Counts one packet of {@code samples} with (extended) timestamp {@code timestamp} arriving at {@code arrival}. */
    void arrived(long arrivalNanos, long timestamp, int samples) {
        packetSamples = samples;
        histogram.add(arrivalDelay.relativeDelayMs(arrivalNanos, timestamp));
        int onePacket = (packetSamples + Playout.FRAME) / 2;
        double jitterMs = histogram.quantileMs(config.percentile());
        spreadSamples = (int) Math.round((jitterMs - histogram.quantileMs(0.5)) * SAMPLES_PER_MS);
        long target = Math.round(jitterMs * SAMPLES_PER_MS) + onePacket;
        target = Math.max(target, (long) config.minTargetMs() * SAMPLES_PER_MS + onePacket);
        targetSamples = (int) Math.min(target, Math.max(onePacket, (long) config.maxTargetMs() * SAMPLES_PER_MS));
    }

    int samples() {
        return targetSamples;
    }

    /**
     * How far the level normally swings above its low points: the spread between the median and the chosen percentile
     * of delay. Playout lets the level rise this far above target before accelerating.
     */
    int spreadSamples() {
        return spreadSamples;
    }

    /** The stream restarted: its timestamps start afresh, the network it crosses does not. */
    void streamRestarted() {
        arrivalDelay.clear();
    }
}
