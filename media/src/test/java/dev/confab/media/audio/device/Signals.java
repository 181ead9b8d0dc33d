package dev.confab.media.audio.device;

import java.util.random.RandomGenerator;

/** Test signals and the measures that compare a recording with its source. */
final class Signals {
    private Signals() {}

    static short[] tone(double hertz, double seconds, int amplitude) {
        short[] samples = new short[(int) (seconds * AudioFrames.SAMPLE_RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (amplitude * Math.sin(2 * Math.PI * hertz * i / AudioFrames.SAMPLE_RATE));
        }
        return samples;
    }

    /** White noise: its autocorrelation has one sharp peak, so aligning a recording with it is unambiguous. */
    static short[] noise(RandomGenerator random, double seconds, int amplitude) {
        short[] samples = new short[(int) (seconds * AudioFrames.SAMPLE_RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (amplitude * (2 * random.nextDouble() - 1));
        }
        return samples;
    }

    /** The power at {@code hertz} in {@code samples[from, from + length)} (Goertzel), per sample. */
    static double power(short[] samples, int from, int length, double hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / AudioFrames.SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < from + length; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return (previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious)
                / length / length;
    }

    static double rms(short[] samples, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / length);
    }

    /** The first index whose magnitude exceeds {@code threshold}, or -1. */
    static int onset(short[] samples, int threshold) {
        for (int i = 0; i < samples.length; i++) {
            if (Math.abs(samples[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code source} sits in {@code recording}, searched within {@code ±radius} of {@code around}. */
    static int align(short[] source, short[] recording, int around, int radius, int length) {
        int best = around;
        double bestCorrelation = Double.NEGATIVE_INFINITY;
        for (int lag = Math.max(0, around - radius); lag <= around + radius && lag + length <= recording.length; lag++) {
            double correlation = correlation(source, recording, lag, length);
            if (correlation > bestCorrelation) {
                bestCorrelation = correlation;
                best = lag;
            }
        }
        return best;
    }

    /** Normalized cross-correlation of {@code source[0, length)} with {@code recording[lag, lag + length)}. */
    static double correlation(short[] source, short[] recording, int lag, int length) {
        double product = 0;
        double sourceEnergy = 0;
        double recordingEnergy = 0;
        for (int i = 0; i < length; i++) {
            product += (double) source[i] * recording[lag + i];
            sourceEnergy += (double) source[i] * source[i];
            recordingEnergy += (double) recording[lag + i] * recording[lag + i];
        }
        return product / Math.sqrt(sourceEnergy * recordingEnergy + 1e-9);
    }
}
