package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameRateLimiterTest {
    @ParameterizedTest(name = "{0} fps thinned to {1}: {2} of 300 kept (one more for the half-interval start)")
    @CsvSource({
        "30, 30, 300",
        "30, 20, 200",
        "30, 15, 150",
        "60, 30, 150",
        "30, 10, 100",
        // a slower source keeps every frame
        "15, 30, 300",
    })
    void keepsTheTargetRateOfAFasterSource(int sourceRate, int targetRate, int kept) {
        FrameRateLimiter limiter = new FrameRateLimiter(targetRate);
        long count = IntStream.range(0, 300).filter(n -> limiter.admit(n * 1_000_000L / sourceRate)).count();
        assertThat(count).isBetween((long) kept, kept + 1L);
    }

    @ParameterizedTest(name = "{0} fps with 4 ms of jitter thinned to {1}")
    @CsvSource({"30, 30", "30, 15", "60, 30"})
    void jitterDoesNotCostFrames(int sourceRate, int targetRate) {
        SplittableRandom random = new SplittableRandom(11);
        FrameRateLimiter limiter = new FrameRateLimiter(targetRate);
        long count = IntStream.range(0, 300)
                .filter(n -> limiter.admit(n * 1_000_000L / sourceRate + random.nextLong(-2_000, 2_000))).count();
        assertThat(count).isBetween(300L * targetRate / sourceRate - 3, 300L * targetRate / sourceRate);
    }

    @ParameterizedTest(name = "after a gap of {0} ms")
    @CsvSource({"200", "5000"})
    void framesAfterAGapAreKeptAtTheRate(long gapMillis) {
        FrameRateLimiter limiter = new FrameRateLimiter(15);
        assertThat(limiter.admit(0)).isTrue();
        assertThat(limiter.admit(16_667)).isFalse();
        assertThat(limiter.admit(33_333)).as("half an interval after the first").isTrue();
        assertThat(limiter.admit(66_667)).isFalse();
        assertThat(limiter.admit(100_000)).isTrue();
        long later = 100_000 + gapMillis * 1000;
        assertThat(limiter.admit(later)).isTrue();
        assertThat(limiter.admit(later + 16_667)).isFalse();
        assertThat(limiter.admit(later + 33_333)).isTrue();
    }

    /** A frame more than an interval late makes the next one come right after it (the source's pacing catching up). */
    @ParameterizedTest(name = "a frame {0} us late")
    @CsvSource({"17000", "24000"})
    void aLateFrameAndTheOneRightAfterItAreBothKept(long lateMicros) {
        FrameRateLimiter limiter = new FrameRateLimiter(60);
        for (int n = 0; n < 10; n++) {
            assertThat(limiter.admit(n * 16_667L)).isTrue();
        }
        assertThat(limiter.admit(10 * 16_667L + lateMicros)).isTrue();
        assertThat(limiter.admit(10 * 16_667L + lateMicros + 1_000)).as("the source catching up").isTrue();
        assertThat(limiter.admit(12 * 16_667L + lateMicros)).isTrue();
    }
}
