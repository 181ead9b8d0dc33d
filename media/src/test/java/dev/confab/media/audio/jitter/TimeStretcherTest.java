package dev.confab.media.audio.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The time-stretcher on a speech-like harmonic signal and on a pure tone: accelerating removes exactly one period and
 * expanding adds exactly one, in the pitch range, and the result joins without a step larger than the signal's own
 * steepest one; noise is declined and silence is cut freely.
 */
class TimeStretcherTest {
    private static final int PLAYED = 100;
    private static final int AVAILABLE = 2880;

    private final TimeStretcher stretcher = new TimeStretcher();

    @ParameterizedTest(name = "from {0}, accelerating: {1}")
    @CsvSource({"0, true", "48000, true", "97531, true", "4294000000, true",
            "0, false", "48000, false", "97531, false", "4294000000, false"})
    void speechChangesByOnePeriodWithoutAClick(long start, boolean accelerate) {
        short[] x = speech(start);
        int period = accelerate ? stretcher.accelerate(x, PLAYED, AVAILABLE, TimeStretcher.MAX_PERIOD)
                : stretcher.expand(x, PLAYED, AVAILABLE, TimeStretcher.MAX_PERIOD);
        assertThat(period).isBetween(TimeStretcher.MIN_PERIOD, TimeStretcher.MAX_PERIOD);
        short[] out = accelerate ? join(x, stretcher.spliced(), period, 2 * period)
                : join(x, stretcher.spliced(), 2 * period, period);
        assertThat(out).hasSize(x.length + (accelerate ? -period : period));
        assertThat(largestStep(out)).isLessThanOrEqualTo(largestStep(x) * 11 / 10 + 20);
    }

    @Test
    void aToneIsCutAtAWholeNumberOfItsPeriods() {
        short[] x = new short[PLAYED + AVAILABLE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * 200 * i / 48_000.0));
        }
        int period = stretcher.accelerate(x, PLAYED, AVAILABLE, TimeStretcher.MAX_PERIOD);
        assertThat(period % 240).isIn(0, 1, 239);
        assertThat(largestStep(join(x, stretcher.spliced(), period, 2 * period))).isLessThanOrEqualTo(largestStep(x) + 2);
    }

    @Test
    void theStretchIsBoundedByWhatIsAvailableAndAllowed() {
        short[] x = speech(0);
        int period = stretcher.accelerate(x, PLAYED, 960, 300);
        assertThat(period).isBetween(0, 300);
        assertThat(stretcher.expand(x, PLAYED, 200, TimeStretcher.MAX_PERIOD)).isZero();
        assertThat(stretcher.accelerate(x, PLAYED, AVAILABLE, TimeStretcher.MIN_PERIOD - 1)).isZero();
    }

    @Test
    void noiseIsDeclinedAndSilenceIsCutAtTheLongestPeriodAllowed() {
        SplittableRandom random = new SplittableRandom(5);
        short[] noise = new short[PLAYED + AVAILABLE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) random.nextInt(-10_000, 10_000);
        }
        assertThat(stretcher.accelerate(noise, PLAYED, AVAILABLE, TimeStretcher.MAX_PERIOD)).isZero();
        assertThat(stretcher.expand(noise, PLAYED, AVAILABLE, TimeStretcher.MAX_PERIOD)).isZero();

        short[] silence = new short[PLAYED + AVAILABLE];
        assertThat(stretcher.accelerate(silence, PLAYED, AVAILABLE, 700)).isEqualTo(700);
    }

    private static short[] speech(long start) {
        short[] x = new short[PLAYED + AVAILABLE];
        SpeechLikeSignal.fill(start, x, 0, x.length);
        return x;
    }

    /** What plays: the samples before the stretch, {@code added} spliced ones in place of {@code replaced}, the rest. */
    private static short[] join(short[] x, short[] spliced, int added, int replaced) {
        short[] out = new short[x.length - replaced + added];
        System.arraycopy(x, 0, out, 0, PLAYED);
        System.arraycopy(spliced, 0, out, PLAYED, added);
        System.arraycopy(x, PLAYED + replaced, out, PLAYED + added, x.length - PLAYED - replaced);
        return out;
    }

    private static int largestStep(short[] x) {
        int largest = 0;
        for (int i = 1; i < x.length; i++) {
            largest = Math.max(largest, Math.abs(x[i] - x[i - 1]));
        }
        return largest;
    }
}
