package dev.confab.media.audio.jitter;

/**
 * Measures what was played, sample by sample, from the kinds the {@link SampleFifo} tags them with: the kind of each
 * frame (its most degraded part), concealment and comfort noise played, and the longest unbroken run of concealment,
 * which is the longest gap a listener heard. Publishes to the {@link Counters} once per frame. Playout thread only.
 */
final class PlayoutMeter implements SampleFifo.KindRuns {
    private static final byte CONCEALED = (byte) PlayoutKind.CONCEALED.ordinal();
    private static final byte COMFORT_NOISE = (byte) PlayoutKind.COMFORT_NOISE.ordinal();
    private static final PlayoutKind[] KINDS = PlayoutKind.values();

    private final Counters counters;
    private byte worst;
    private long concealed;
    private long comfortNoise;
    private long gap;
    private long longestGap;

    PlayoutMeter(Counters counters) {
        this.counters = counters;
    }

    void startFrame() {
        worst = 0;
    }

    @Override
    public void sample(byte kind) {
        if (kind > worst) {
            worst = kind;
        }
        if (kind == CONCEALED) {
            concealed++;
            gap++;
        } else {
            if (gap > longestGap) {
                longestGap = gap;
            }
            gap = 0;
            if (kind == COMFORT_NOISE) {
                comfortNoise++;
            }
        }
    }

    /** Silence padded after the buffered samples: not concealment, so it ends a gap. */
    void silence() {
        sample((byte) PlayoutKind.SILENCE.ordinal());
    }

    /** Publishes the frame's counts and returns its kind. */
    PlayoutKind endFrame() {
        counters.concealedSamples = concealed;
        counters.comfortNoiseSamples = comfortNoise;
        counters.longestGapSamples = Math.max(longestGap, gap);
        return KINDS[worst];
    }
}
