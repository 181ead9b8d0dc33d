package dev.confab.media.audio.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/** The waits of {@link LineWait} on a clock of its own, over a line that fills (or drains) at 48 kHz. */
class LineWaitTest {
    private static final int FRAME = AudioFrames.lineFrameBytes(1); // 1,920 bytes: 20 ms
    private static final int BUFFER = 3 * FRAME;
    private static final long MILLI = 1_000_000;
    private static final long ENCODING_NANOS = 300_000;

    private long now = 1_000 * MILLI;
    private final List<Long> sleeps = new ArrayList<>();

    @Test
    void sleepsForTheBytesStillMissingPlusAMargin() {
        ChunkedLine line = moving(FRAME / 4, 96); // 5 ms there, 96 bytes a millisecond
        waitOn(line, FRAME / 4);
        assertThat(sleeps).containsExactly(15 * MILLI + 300_000);
        assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
    }

    @Test
    void aFrameAlreadyThereIsNotWaitedFor() {
        waitOn(moving(FRAME, 96), FRAME);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void sleepsAgainWhenTheLineCameUpShort() {
        ChunkedLine line = moving(0, 48); // a line moving at half the rate
        waitOn(line, 0);
        assertThat(sleeps).hasSizeGreaterThan(1);
        assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
    }

    @Test
    void aLineOfLessThanTwoFramesIsNotWaitedFor() {
        new LineWait(moving(0, 96)::available, 2 * FRAME - 1, FRAME, () -> now, sleeps::add, true)
                .untilFrameAvailable(0);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aLineThatDoesNotMoveIsGivenUpAfterTwoFrames() {
        long start = now;
        waitOn(moving(0, 0), 0);
        assertThat(now - start).isEqualTo(40 * MILLI);
        assertThat(sleeps).allMatch(sleep -> sleep > 0);
    }

    @Test
    void anInterruptedThreadIsNotKeptWaiting() {
        Thread.currentThread().interrupt();
        try {
            waitOn(moving(0, 96), 0);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aLineFedInChunksIsWaitedForAboutOnceAFrameAndTakenAsItsChunkLands() {
        // A 44.1 kHz microphone through PulseAudio: a frame's worth every 20 ms, each time 16 bytes short of a frame.
        ChunkedLine line = new ChunkedLine(FRAME, 20 * MILLI, FRAME - 16);
        List<Long> lateness = takeFrames(line, wait(line::available), 50);
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
        List<Long> lateness = takeFrames(line, wait, 300);
        assertThat(lateness.subList(20, 300)).as("how long after its chunk each frame was taken")
                .allMatch(late -> late < MILLI);
        assertThat(sleeps.size()).as("sleeps for 300 frames").isLessThanOrEqualTo(300 * 3 / 2);
    }

    @Test
    void afterTheThreadWasHeldUpAChunkedLineIsAgainTakenAsItsChunksLand() {
        ChunkedLine line = new ChunkedLine(FRAME, 20 * MILLI, FRAME - 16);
        // A garbage collection, say, holds the thread up once.
        List<Long> lateness = takeFrames(line, wait(line::available), 100,
                frame -> frame == 50 ? 45 * MILLI : ENCODING_NANOS);
        assertThat(lateness.subList(35, 50)).allMatch(late -> late < MILLI / 2);
        assertThat(lateness.subList(55, 100)).as("how long after its chunk each frame was taken, once caught up")
                .allMatch(late -> late < MILLI / 2);
    }

    @Test
    void aLineFedInChunksLongerThanAFrameIsTakenSoonAfterEachChunk() {
        // PipeWire's default quantum: 1,024 samples (2,048 bytes) every 21.33 ms; some chunks complete two frames.
        ChunkedLine line = new ChunkedLine(2_048, 64 * MILLI / 3, 0);
        List<Long> lateness = takeFrames(line, wait(line::available), 150);
        assertThat(sleeps.size()).as("sleeps for 150 frames").isLessThanOrEqualTo(150 * 3);
        assertThat(lateness.subList(50, 150)).as("how long after the chunk that completed it each frame was taken")
                .allMatch(late -> late <= 2 * MILLI);
    }

    @Test
    void withoutASchedulePlayoutRoomComingAFrameAtATimeIsWaitedForOnceAFrame() {
        // A playout line after a write: no room, then a whole frame's room with each chunk the server takes.
        ChunkedLine line = new ChunkedLine(FRAME, 20 * MILLI, 0);
        takeFrames(line, wait(line::available, false), 50);
        assertThat(sleeps.size()).as("sleeps for 50 frames").isLessThanOrEqualTo(50);
    }

    @Test
    void aLineMovingSampleBySampleIsWaitedForOnceAFrame() {
        ChunkedLine line = moving(0, 96);
        takeFrames(line, wait(line::available), 50);
        assertThat(sleeps).hasSize(50);
    }

    /** Takes {@code frames} frames off {@code line} as the capture thread does, encoding each; see the next. */
    private List<Long> takeFrames(ChunkedLine line, LineWait wait, int frames) {
        return takeFrames(line, wait, frames, frame -> ENCODING_NANOS);
    }

    /**
     * Takes {@code frames} frames off {@code line}, each once {@code wait} says it is there, the thread busy
     * {@code busyAfter} nanoseconds after each; returns how long after its chunk came each frame was taken.
     */
    private List<Long> takeFrames(ChunkedLine line, LineWait wait, int frames, IntToLongFunction busyAfter) {
        List<Long> lateness = new ArrayList<>();
        for (int frame = 0; frame < frames; frame++) {
            wait.untilFrameAvailable(line.available());
            assertThat(line.available()).isGreaterThanOrEqualTo(FRAME);
            lateness.add(now - line.lastChunkAt());
            line.take(FRAME);
            now += busyAfter.applyAsLong(frame);
        }
        return lateness;
    }

    /** A line that had {@code initial} bytes at the start and moves {@code bytesPerMilli} since, a step a ms. */
    private ChunkedLine moving(int initial, int bytesPerMilli) {
        return new ChunkedLine(bytesPerMilli, MILLI, initial);
    }

    private void waitOn(ChunkedLine line, int available) {
        wait(line::available).untilFrameAvailable(available);
    }

    private LineWait wait(IntSupplier available) {
        return wait(available, true);
    }

    private LineWait wait(IntSupplier available, boolean schedulesChunks) {
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

}
