package dev.confab.media.video.capture;

/**
 * Thins a stream of frames to at most a target rate by their capture times, keeping them as evenly spaced as the
 * source allows: 30 a second thinned to 20 keeps two of every three, to 15 every other. A frame is kept when it is no
 * more than a quarter interval early for its slot; after a gap longer than an interval the slots start afresh at the
 * next frame. Used by one thread.
 */
final class FrameRateLimiter {
    private final long intervalMicros;
    private boolean started;
    private long dueMicros;

    FrameRateLimiter(int framesPerSecond) {
        this.intervalMicros = 1_000_000L / framesPerSecond;
    }

    /** Starts afresh: the next frame is kept (a new stream after the camera was turned on again). */
    void restart() {
        started = false;
    }

    /** Whether the frame captured at {@code captureMicros} is kept. */
    boolean admit(long captureMicros) {
        if (started && captureMicros < dueMicros - intervalMicros / 4) {
            return false;
        }
        boolean afresh = !started || captureMicros - dueMicros > intervalMicros;
        dueMicros = (afresh ? captureMicros : dueMicros) + intervalMicros;
        started = true;
        return true;
    }
}
