package dev.confab.media.audio.device;

import java.time.Duration;

/**
 * How a capture or playout line is run. Immutable.
 *
 * @param bufferMillis         the device line's buffer, rounded down to whole 20 ms frames (at least one)
 * @param stallTimeout         a line that moves no samples for this long is taken as broken
 * @param presenceInterval     how often a chosen device is checked to be still there
 * @param retryInterval        how long to wait before opening a line again after a failure
 */
public record LineOptions(int bufferMillis, Duration stallTimeout, Duration presenceInterval, Duration retryInterval) {
    public LineOptions {
        if (bufferMillis < AudioFrames.FRAME_MILLIS) {
            throw new IllegalArgumentException("buffer under one frame: " + bufferMillis + " ms");
        }
    }

    /** 60 ms of buffer, broken after 300 ms without samples, presence checked every second, retried every 500 ms. */
    public static LineOptions defaults() {
        return new LineOptions(60, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    public LineOptions withBufferMillis(int millis) {
        return new LineOptions(millis, stallTimeout, presenceInterval, retryInterval);
    }

    public LineOptions withPresenceInterval(Duration interval) {
        return new LineOptions(bufferMillis, stallTimeout, interval, retryInterval);
    }
}
