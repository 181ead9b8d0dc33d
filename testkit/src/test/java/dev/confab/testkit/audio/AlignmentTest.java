package dev.confab.testkit.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Alignment of a recording whose delay falls a step at a time in its pauses, as a jitter buffer drains one: the
 * stretch-by-stretch measures against one that follows the steps.
 */
class AlignmentTest {
    private static final int RATE = 48_000;
    private static final int SENTENCE = RATE;
    private static final int PAUSE = RATE / 4;
    private static final int WINDOW = RATE / 10;
    private static final int STEP = 30 * RATE / 1000;
    private static final int MAX_DRIFT = 40 * RATE / 1000;
    private static final int MAX_WANDER = 200 * RATE / 1000;

    @Test
    void findsTheDelayOfAWholeCopy() {
        short[] source = speechLike(2, 7);
        short[] recording = delayedInSteps(source, 3_000, 0);

        Alignment alignment = Alignment.of(source, recording);

        assertThat(alignment.lagSamples()).isEqualTo(3_000);
        assertThat(alignment.correlation()).isGreaterThan(0.999);
        assertThat(alignment.levelDb()).isBetween(-0.01, 0.01);
    }

    @Test
    void wanderingFollowsADelayThatFallsFurtherThanPiecewiseLooks() {
        short[] source = speechLike(5, 11);
        short[] recording = delayedInSteps(source, 6_000, STEP);

        Alignment piecewise = Alignment.piecewise(source, recording, WINDOW, MAX_DRIFT);
        Alignment wandering = Alignment.wandering(source, recording, WINDOW, MAX_WANDER);

        assertThat(wandering.correlation()).as("wandering: " + wandering).isGreaterThan(0.99);
        assertThat(piecewise.correlation()).as("piecewise: " + piecewise).isLessThan(0.8);
    }

    @Test
    void wanderingStillScoresAGapInTheRecording() {
        short[] source = speechLike(5, 13);
        short[] recording = delayedInSteps(source, 6_000, STEP);
        java.util.Arrays.fill(recording, 6_000 + SENTENCE, 6_000 + 2 * SENTENCE, (short) 0);

        Alignment wandering = Alignment.wandering(source, recording, WINDOW, MAX_WANDER);

        assertThat(wandering.correlation()).as("wandering: " + wandering).isLessThan(0.9);
    }

    /**
     * {@code sentences} sentences of a second: noise bursts shaped like syllables, then a quarter second of silence.
     */
    private static short[] speechLike(int sentences, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        short[] out = new short[sentences * (SENTENCE + PAUSE)];
        for (int s = 0; s < sentences; s++) {
            int from = s * (SENTENCE + PAUSE);
            double low = 0;
            for (int i = 0; i < SENTENCE; i++) {
                double envelope = Math.abs(Math.sin(Math.PI * i / (RATE / 5.0)));
                low = 0.9 * low + 0.1 * random.nextGaussian();
                out[from + i] = (short) Math.round(8_000 * envelope * low);
            }
        }
        return out;
    }

    /**
     * {@code source} delayed by {@code startDelay} samples, the delay falling by {@code step} in each pause (the
     * middle of it), with a second of silence after.
     */
    private static short[] delayedInSteps(short[] source, int startDelay, int step) {
        int period = SENTENCE + PAUSE;
        short[] out = new short[source.length + startDelay + RATE];
        int delay = startDelay;
        for (int i = 0; i < source.length; i++) {
            if (i % period == SENTENCE + PAUSE / 2 && delay >= step) {
                delay -= step;
            }
            out[i + delay] = source[i];
        }
        return out;
    }
}
