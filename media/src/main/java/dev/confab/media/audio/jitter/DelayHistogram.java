package dev.confab.media.audio.jitter;

import java.util.Arrays;

/**
 * A histogram of delays that forgets: each new delay takes weight {@code 1 - forgetFactor} from the others (at first
 * more, as a running mean, so the first few packets count fully), and any quantile can be read, interpolated within its
 * bucket. Delays past the last bucket count in it. Playout thread only.
 */
final class DelayHistogram {
    private final double bucketMs;
    private final double[] mass;
    private final double forgetFactor;
    private long count;

    DelayHistogram(double bucketMs, double maxMs, double forgetFactor) {
        this.bucketMs = bucketMs;
        this.mass = new double[(int) Math.ceil(maxMs / bucketMs) + 1];
        this.forgetFactor = forgetFactor;
    }

    void add(double delayMs) {
        count++;
        double weight = Math.max(1 - forgetFactor, 1.0 / count);
        for (int i = 0; i < mass.length; i++) {
            mass[i] *= 1 - weight;
        }
        int bucket = (int) Math.min(mass.length - 1, Math.max(0, delayMs / bucketMs));
        mass[bucket] += weight;
    }

    /** The delay below which {@code q} of the (weighted) delays fall; 0 before the first delay. */
    double quantileMs(double q) {
        double total = 0;
        for (double m : mass) {
            total += m;
        }
        double wanted = q * total;
        double below = 0;
        for (int i = 0; i < mass.length; i++) {
            if (mass[i] > 0 && below + mass[i] >= wanted) {
                return (i + (wanted - below) / mass[i]) * bucketMs;
            }
            below += mass[i];
        }
        return 0;
    }

    void clear() {
        Arrays.fill(mass, 0);
        count = 0;
    }
}
