package dev.confab.media.video.capture;

/**
 * Thins a stream of frames to at most a target rate by their capture times, as WebRTC's {@code VideoAdapter} does: a
 * frame is kept once the time for the next output frame has come, and that time then moves on by one interval, so 30
 * frames a second thinned to 20 keep two of every three, to 15 every other, and a source no faster than the target
 * keeps every frame however its frames jitter. A frame two intervals or more away from the expected time (the first,
 * or one after a stall) starts the count afresh, expecting the next frame half an interval later. Used by one thread.
 */
final class FrameRateLimiter {
    private final long intervalMicros;
    private boolean started;
    private long nextMicros;

    FrameRateLimiter(int framesPerSecond) {
        this.intervalMicros = 1_000_000L / framesPerSecond;
    }

    /** Starts afresh: the next frame is kept (a new stream after the camera was turned on again). */
    void restart() {
        started = false;
    }

    /** Whether the frame captured at {@code captureMicros} is kept. */
    boolean admit(long captureMicros) {
        long untilNext = nextMicros - captureMicros;
        if (started && Math.abs(untilNext) < 2 * intervalMicros) {
            if (untilNext > 0) {
                return false;
            }
            nextMicros += intervalMicros;
            return true;
        }
        started = true;
        nextMicros = captureMicros + intervalMicros / 2;
        return true;
    }
}
