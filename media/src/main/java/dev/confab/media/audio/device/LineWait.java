package dev.confab.media.audio.device;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import javax.sound.sampled.DataLine;

/**
 * Waits on an audio thread until a line can move a whole frame at once. Java Sound's blocking read and write wait in
 * steps of a quarter of the line's buffer (15 ms for 60 ms), so a frame that is not all there when asked for comes
 * up to a step late and wakes its thread twice; sleeping for exactly the bytes still missing wakes it once per frame,
 * as the frame completes. Stateless.
 */
final class LineWait {
    private static final long MARGIN_NANOS = 300_000;
    private static final long GIVE_UP_NANOS = 2 * AudioFrames.FRAME_NANOS;

    private LineWait() {}

    /**
     * Sleeps until {@code line} has {@code frameBytes} available (to read from a capture line, or free to write to a
     * playout line); {@code available} is what the caller just read of {@link DataLine#available()}. Returns early,
     * leaving the frame to the line's blocking call and the stall check, after two frames' time (a line that does not
     * move) or when the thread is interrupted. A line that holds less than two frames is not waited for: it would
     * have to run nearly full (capture) or nearly empty (playout) first.
     */
    static void untilFrameAvailable(DataLine line, int frameBytes, int available) {
        untilFrameAvailable(line::available, line.getBufferSize(), frameBytes, available, System::nanoTime,
                LockSupport::parkNanos);
    }

    /** As {@link #untilFrameAvailable(DataLine, int, int)}, on the given clock and sleep. */
    static void untilFrameAvailable(IntSupplier line, int bufferBytes, int frameBytes, int available,
            LongSupplier nanoClock, LongConsumer parkNanos) {
        if (bufferBytes < 2 * frameBytes) {
            return;
        }
        long giveUpAt = nanoClock.getAsLong() + GIVE_UP_NANOS;
        long left;
        while (available < frameBytes && (left = giveUpAt - nanoClock.getAsLong()) > 0
                && !Thread.currentThread().isInterrupted()) {
            long missing = (frameBytes - available) * AudioFrames.FRAME_NANOS / frameBytes;
            parkNanos.accept(Math.min(missing + MARGIN_NANOS, left));
            available = line.getAsInt();
        }
    }
}
