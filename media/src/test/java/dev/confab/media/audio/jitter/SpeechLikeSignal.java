package dev.confab.media.audio.jitter;

/**
 * A deterministic voiced-speech stand-in at 48 kHz: five harmonics of a pitch gliding between 100 and 180 Hz under a
 * slow loudness envelope, as a pure function of the sample's (extended) RTP timestamp, so any stretch of it can be
 * regenerated to check what playout produced. Stateless.
 */
final class SpeechLikeSignal {
    private static final double RATE = 48_000;
    private static final double GLIDE_PERIOD = 1.7 * RATE;
    private static final double[] HARMONICS = {1.0, 0.6, 0.4, 0.25, 0.15};

    private SpeechLikeSignal() {}

    static short sample(long t) {
        double phase = 2 * Math.PI / RATE * (140 * t - 40 * GLIDE_PERIOD / (2 * Math.PI)
                * Math.cos(2 * Math.PI * t / GLIDE_PERIOD));
        double value = 0;
        for (int h = 0; h < HARMONICS.length; h++) {
            value += HARMONICS[h] * Math.sin((h + 1) * phase);
        }
        double envelope = 0.65 + 0.35 * Math.sin(2 * Math.PI * t / (0.9 * RATE));
        return (short) Math.round(4000 * envelope * value);
    }

    static void fill(long t, short[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            out[off + i] = sample(t + i);
        }
    }
}
