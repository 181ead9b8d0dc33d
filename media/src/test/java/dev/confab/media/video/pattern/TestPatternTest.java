package dev.confab.media.video.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestPatternTest {
    private static final FrameSize VGA = new FrameSize(640, 480);

    @Test
    void aFrameDependsOnlyOnItsStamp() {
        TestPattern pattern = new TestPattern(VGA, 30);
        I420Frame a = I420Frame.allocate(VGA);
        I420Frame b = I420Frame.allocate(new FrameSize(16, 16));
        pattern.render(new FrameStamp(77, 5000), a);
        pattern.render(new FrameStamp(76, 4000), b);
        pattern.render(new FrameStamp(77, 5000), b);
        assertThat(b.size()).isEqualTo(VGA);
        assertThat(Arrays.equals(a.data(), 0, VGA.i420Bytes(), b.data(), 0, VGA.i420Bytes())).isTrue();
        assertThat(StampCode.read(a)).contains(new FrameStamp(77, 5000));
    }

    @Test
    void itMovesEveryFrameAndAtTheSameSpeedWhateverTheFrameRate() {
        I420Frame frame = I420Frame.allocate(VGA);
        new TestPattern(VGA, 30).render(new FrameStamp(30, 0), frame);
        I420Frame next = I420Frame.allocate(VGA);
        new TestPattern(VGA, 30).render(new FrameStamp(31, 0), next);
        assertThat(changedPixelsBelowTheCode(frame, next)).as("a thirtieth of a second later")
                .isGreaterThan(VGA.pixels() / 20);
        I420Frame atFifteen = I420Frame.allocate(VGA);
        new TestPattern(VGA, 15).render(new FrameStamp(15, 0), atFifteen);
        assertThat(changedPixelsBelowTheCode(frame, atFifteen)).as("one second in, at 30 or 15 fps").isZero();
    }

    @Test
    void sizesAndRatesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new TestPattern(new FrameSize(100, 100), 30)).hasMessageContaining("128x96");
        assertThatThrownBy(() -> new TestPattern(VGA, 0)).hasMessageContaining("frame rate");
    }

    @Test
    void theSourceNumbersFramesAndStampsThemWithItsClock() {
        Instant start = Instant.parse("2026-01-02T03:04:05.678901Z");
        TestPatternSource source = new TestPatternSource(VGA, 25, Clock.fixed(start, ZoneOffset.UTC));
        I420Frame frame = I420Frame.allocate(VGA);
        assertThat(source.frameIntervalNanos()).isEqualTo(40_000_000L);
        assertThat(source.next(frame)).isEqualTo(new FrameStamp(0, start.toEpochMilli()));
        assertThat(source.next(frame)).isEqualTo(new FrameStamp(1, start.toEpochMilli()));
        assertThat(StampCode.read(frame)).contains(new FrameStamp(1, start.toEpochMilli()));
        assertThat(frame.captureTimeMicros()).isEqualTo(start.toEpochMilli() * 1000 + 901);
    }

    private static int changedPixelsBelowTheCode(I420Frame a, I420Frame b) {
        int changed = 0;
        for (int y = VGA.height() / 8; y < VGA.height(); y++) {
            for (int x = 0; x < VGA.width(); x++) {
                changed += a.luma(x, y) != b.luma(x, y) ? 1 : 0;
            }
        }
        return changed;
    }
}
