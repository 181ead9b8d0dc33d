package dev.confab.media.audio.opus;

import java.util.SplittableRandom;

/** Test signals at 48 kHz mono and the measures that compare a decoded signal with its source. */
final class Signals {
    static final int RATE = OpusPackets.SAMPLE_RATE;

    private Signals() {}

    static short[] sine(double hz, double amplitude, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return pcm;
    }

    /** Seeded noise through a one-pole low-pass with a slow tremolo: busy enough that VBR follows the bitrate. */
    static short[] noise(long seed, int samples) {
        SplittableRandom random = new SplittableRandom(seed);
        short[] pcm = new short[samples];
        double y = 0;
        for (int i = 0; i < samples; i++) {
            y = 0.7 * y + 0.3 * (random.nextDouble() * 2 - 1);
            pcm[i] = (short) Math.round(12_000 * y * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * i / RATE)));
        }
        return pcm;
    }

    /**
     * The normalised cross-correlation of {@code decoded[from + lag, to + lag)} with {@code source[from, to)}: 1 for
     * the same waveform at any level.
     */
    static double correlation(short[] source, short[] decoded, int lag, int from, int to) {
        double sd = 0;
        double ss = 0;
        double dd = 0;
        for (int i = from; i < to; i++) {
            double s = source[i];
            double d = decoded[i + lag];
            sd += s * d;
            ss += s * s;
            dd += d * d;
        }
        return ss == 0 || dd == 0 ? 0 : sd / Math.sqrt(ss * dd);
    }

    /** The lag in {@code [0, maxLag]} at which {@code decoded} best matches {@code source} over {@code [from, to)}. */
    static int bestLag(short[] source, short[] decoded, int maxLag, int from, int to) {
        int best = 0;
        double bestCorrelation = -2;
        for (int lag = 0; lag <= maxLag; lag++) {
            double c = correlation(source, decoded, lag, from, to);
            if (c > bestCorrelation) {
                bestCorrelation = c;
                best = lag;
            }
        }
        return best;
    }

    /** Signal-to-noise ratio in dB of {@code decoded} (shifted by {@code lag}) against {@code source}. */
    static double snrDb(short[] source, short[] decoded, int lag, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            double e = decoded[i + lag] - (double) source[i];
            signal += (double) source[i] * source[i];
            noise += e * e;
        }
        return 10 * Math.log10(signal / Math.max(noise, 1e-9));
    }

    /** The share of {@code pcm[from, to)}'s energy at {@code hz} (projection onto sine and cosine): 1 for a pure tone. */
    static double toneShare(short[] pcm, double hz, int from, int to) {
        double sin = 0;
        double cos = 0;
        double energy = 0;
        for (int i = from; i < to; i++) {
            double phase = 2 * Math.PI * hz * i / RATE;
            sin += pcm[i] * Math.sin(phase);
            cos += pcm[i] * Math.cos(phase);
            energy += (double) pcm[i] * pcm[i];
        }
        return energy == 0 ? 0 : 2 * (sin * sin + cos * cos) / ((to - from) * energy);
    }
}
