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
        new LineWait(new Line(0, 96)::available, 2 * FRAME - 1, FRAME, () -> now, sleeps::add, true)
                .untilFrameAvailable(0);
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

    @Test
    void aLineFedInChunksIsWaitedForAboutOnceAFrameAndTakenAsItsChunkLands() {
        // A 44.1 kHz microphone through PulseAudio: a frame's worth every 20 ms, each time 16 bytes short of a frame.
        ChunkedLine line = new ChunkedLine(FRAME, 20 * MILLI, FRAME - 16);
        LineWait wait = wait(line::available);
        int framesTaken = 0;
        List<Long> lateness = new ArrayList<>();
        while (framesTaken < 50) {
            wait.untilFrameAvailable(line.available());
            assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
            lateness.add(now - line.lastChunkAt());
            line.take(FRAME);
            framesTaken++;
            now += 300_000; // encoding the frame
        }
        assertThat(sleeps.size()).as("sleeps for 50 frames").isLessThanOrEqualTo(70);
        // The first chunked frame is found in growing looks, up to a few ms late; the aim creeps earlier, faster after
        // four frames in a row were there when it woke.
        assertThat(lateness.subList(15, 50)).as("how long after its chunk each frame was taken")
                .allMatch(late -> late < MILLI / 2);
    }

    @Test
    void aChunkedLineIsTakenAsItsChunksLandAlsoWhenEverySleepOversleeps() {
        // Linux wakes a parked thread late: ~0.12 ms at the median here, more than the aim creeps a frame.
        ChunkedLine line = new ChunkedLine(FRAME, 20 * MILLI, FRAME - 16);
        LineWait wait = new LineWait(line::available, BUFFER, FRAME, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos + 150_000;
        }, true);
        List<Long> lateness = new ArrayList<>();
        for (int frame = 0; frame < 300; frame++) {
            wait.untilFrameAvailable(line.available());
            lateness.add(now - line.lastChunkAt());
            line.take(FRAME);
            now += 300_000;
        }
        assertThat(lateness.subList(20, 300)).as("how long after its chunk each frame was taken")
                .allMatch(late -> late < MILLI);
        assertThat(sleeps.size()).as("sleeps for 300 frames").isLessThanOrEqualTo(300 * 3 / 2);
    }

    @Test
    void afterTheThreadWasHeldUpAChunkedLineIsAgainTakenAsItsChunksLand() {
        ChunkedLine line = new ChunkedLine(FRAME, 20 * MILLI, FRAME - 16);
        LineWait wait = wait(line::available);
        List<Long> lateness = new ArrayList<>();
        for (int frame = 0; frame < 100; frame++) {
            wait.untilFrameAvailable(line.available());
            lateness.add(now - line.lastChunkAt());
            line.take(FRAME);
            now += frame == 50 ? 45 * MILLI : 300_000; // a garbage collection, say, holds the thread up once
        }
        assertThat(lateness.subList(35, 50)).allMatch(late -> late < MILLI / 2);
        assertThat(lateness.subList(55, 100)).as("how long after its chunk each frame was taken, once caught up")
                .allMatch(late -> late < MILLI / 2);
    }

    @Test
    void aLineFedInChunksLongerThanAFrameIsTakenSoonAfterEachChunk() {
        // PipeWire's default quantum: 1,024 samples (2,048 bytes) every 21.33 ms; some chunks complete two frames.
        ChunkedLine line = new ChunkedLine(2_048, 64 * MILLI / 3, 0);
        LineWait wait = wait(line::available);
        List<Long> lateness = new ArrayList<>();
        for (int frame = 0; frame < 150; frame++) {
            wait.untilFrameAvailable(line.available());
            assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
            lateness.add(now - line.lastChunkAt());
            line.take(FRAME);
            now += 300_000;
        }
        assertThat(sleeps.size()).as("sleeps for 150 frames").isLessThanOrEqualTo(150 * 3);
        assertThat(lateness.subList(50, 150)).as("how long after the chunk that completed it each frame was taken")
                .allMatch(late -> late <= 2 * MILLI);
    }

    @Test
    void withoutASchedulePlayoutRoomComingAFrameAtATimeIsWaitedForOnceAFrame() {
        // A playout line after a write: no room, then a whole frame's room with each chunk the server takes.
        ChunkedLine line = new ChunkedLine(FRAME, 20 * MILLI, 0);
        LineWait wait = wait(line::available, false);
        for (int frame = 0; frame < 50; frame++) {
            wait.untilFrameAvailable(line.available());
            assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
            line.take(FRAME);
            now += 300_000;
        }
        assertThat(sleeps.size()).as("sleeps for 50 frames").isLessThanOrEqualTo(50);
    }

    @Test
    void aLineMovingSampleBySampleIsWaitedForOnceAFrame() {
        ChunkedLine line = new ChunkedLine(96, MILLI, 0); // 96 bytes a millisecond
        LineWait wait = wait(line::available);
        for (int frame = 0; frame < 50; frame++) {
            wait.untilFrameAvailable(line.available());
            assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
            line.take(FRAME);
            now += 300_000;
        }
        assertThat(sleeps).hasSize(50);
    }

    private void waitOn(Line line, int available) {
        wait(line::available).untilFrameAvailable(available);
    }

    private LineWait wait(java.util.function.IntSupplier available) {
        return wait(available, true);
    }

    private LineWait wait(java.util.function.IntSupplier available, boolean schedulesChunks) {
        return new LineWait(available, BUFFER, FRAME, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        }, schedulesChunks);
    }

    /** A line fed {@code chunkBytes} every {@code periodNanos}, which had {@code initial} bytes at the start. */
    private final class ChunkedLine {
        private final long start = now;
        private final int chunkBytes;
        private final long periodNanos;
        private final int initial;
        private int taken;

        ChunkedLine(int chunkBytes, long periodNanos, int initial) {
            this.chunkBytes = chunkBytes;
            this.periodNanos = periodNanos;
            this.initial = initial;
        }

        int available() {
            return (int) Math.min(BUFFER, initial + (now - start) / periodNanos * chunkBytes - taken);
        }

        long lastChunkAt() {
            return start + (now - start) / periodNanos * periodNanos;
        }

        void take(int bytes) {
            taken += bytes;
        }
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
