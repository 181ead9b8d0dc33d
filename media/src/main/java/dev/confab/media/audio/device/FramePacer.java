package dev.confab.media.audio.device;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Holds a loop to one frame every 20 ms of its clock, without drift: each wait ends at the start time plus a whole
 * number of frames. After a stall longer than a frame it starts counting afresh rather than rushing to catch up. Used
 * by one thread.
 */
final class FramePacer {
    private final LongSupplier nanoClock;
    private long nextFrameAt;

    FramePacer(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        restart();
    }

    /** The next frame is due one frame from now. */
    void restart() {
        nextFrameAt = nanoClock.getAsLong() + AudioFrames.FRAME_NANOS;
    }

    /** Waits until the next frame is due, or returns at once if the thread is interrupted. */
    void awaitNextFrame() {
        long wait;
        while ((wait = nextFrameAt - nanoClock.getAsLong()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
        nextFrameAt += AudioFrames.FRAME_NANOS;
        if (nanoClock.getAsLong() - nextFrameAt > AudioFrames.FRAME_NANOS) {
            restart();
        }
    }
}
