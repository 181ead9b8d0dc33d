package dev.confab.media.audio.device;

import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.DataLine;

/**
 * Waits on an audio thread until a line can move a whole frame at once. Java Sound's blocking read and write wait in
 * steps of a quarter of the line's buffer (15 ms for 60 ms), so a frame that is not all there when asked for comes
 * up to a step late and wakes its thread twice; sleeping for exactly the bytes still missing wakes it once per frame,
 * as the frame completes. Gives up after two frames' time (a line that does not move is for the blocking call and
 * the stall check to judge) or when the thread is interrupted. Stateless.
 */
final class LineWait {
    private static final long MARGIN_NANOS = 300_000;
    private static final long GIVE_UP_NANOS = 2 * AudioFrames.FRAME_NANOS;

    private LineWait() {}

    /**
     * Returns once {@code line} has {@code frameBytes} available (to read from a capture line, or free to write to a
     * playout line), sleeping in between; {@code available} is what the caller just read of
     * {@link DataLine#available()}. A line that holds one frame or less is not waited for: it would have to run empty
     * (playout) or full (capture).
     */
    static void untilFrameAvailable(DataLine line, int frameBytes, int available) {
        if (line.getBufferSize() <= frameBytes) {
            return;
        }
        long giveUpAt = System.nanoTime() + GIVE_UP_NANOS;
        while (available < frameBytes && System.nanoTime() - giveUpAt < 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos((frameBytes - available) * AudioFrames.FRAME_NANOS / frameBytes + MARGIN_NANOS);
            available = line.available();
        }
    }
}
