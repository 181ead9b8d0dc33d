package dev.confab.media.audio.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waits of {@link LineWait} on a clock of its own, over a line that fills (or drains) at 48 kHz. */
class LineWaitTest {
    private static final int FRAME = AudioFrames.lineFrameBytes(1); // 1,920 bytes: 20 ms
    private static final int BUFFER = 3 * FRAME;
    private static final long MILLI = 1_000_000;

    private long now = 1_000 * MILLI;
    private final List<Long> sleeps = new ArrayList<>();

    @Test
    void sleepsForTheBytesStillMissingPlusAMargin() {
        Line line = new Line(FRAME / 4, 96); // 5 ms there, 96 bytes a millisecond
        waitOn(line, FRAME / 4);
        assertThat(sleeps).containsExactly(15 * MILLI + 300_000);
        assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
    }

    @Test
    void aFrameAlreadyThereIsNotWaitedFor() {
        waitOn(new Line(FRAME, 96), FRAME);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void sleepsAgainWhenTheLineCameUpShort() {
        Line line = new Line(0, 48); // a line moving at half the rate
        waitOn(line, 0);
        assertThat(sleeps).hasSizeGreaterThan(1);
        assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
    }

    @Test
    void aLineOfLessThanTwoFramesIsNotWaitedFor() {
        LineWait.untilFrameAvailable(new Line(0, 96)::available, 2 * FRAME - 1, FRAME, 0, () -> now, sleeps::add);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aLineThatDoesNotMoveIsGivenUpAfterTwoFrames() {
        long start = now;
        waitOn(new Line(0, 0), 0);
        assertThat(now - start).isEqualTo(40 * MILLI);
        assertThat(sleeps).allMatch(sleep -> sleep > 0);
    }

    @Test
    void anInterruptedThreadIsNotKeptWaiting() {
        Thread.currentThread().interrupt();
        try {
            waitOn(new Line(0, 96), 0);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        }
        assertThat(sleeps).isEmpty();
    }

    private void waitOn(Line line, int available) {
        LineWait.untilFrameAvailable(line::available, BUFFER, FRAME, available, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    /** Bytes available on a line that had {@code initial} at the start and moves {@code bytesPerMilli} since. */
    private final class Line {
        private final long start = now;
        private final int initial;
        private final int bytesPerMilli;

        Line(int initial, int bytesPerMilli) {
            this.initial = initial;
            this.bytesPerMilli = bytesPerMilli;
        }

        int available() {
            return (int) Math.min(BUFFER, initial + (now - start) / MILLI * bytesPerMilli);
        }
    }
}
