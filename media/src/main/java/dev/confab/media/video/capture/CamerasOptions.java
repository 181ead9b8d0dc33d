package dev.confab.media.video.capture;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Cameras} watches and captures. Immutable.
 *
 * @param rescanInterval how often cameras are listed again to notice them come and go
 * @param stallTimeout   a camera that delivers no picture for this long has failed
 */
public record CamerasOptions(Duration rescanInterval, Duration stallTimeout) {
    public CamerasOptions {
        Objects.requireNonNull(rescanInterval, "rescanInterval");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        if (rescanInterval.isNegative() || rescanInterval.isZero() || stallTimeout.isNegative()
                || stallTimeout.isZero()) {
            throw new IllegalArgumentException("intervals must be positive: " + rescanInterval + ", " + stallTimeout);
        }
    }

    /** Cameras listed again every second; a camera silent for 3 s has failed. */
    public static CamerasOptions defaults() {
        return new CamerasOptions(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    public CamerasOptions withRescanInterval(Duration interval) {
        return new CamerasOptions(interval, stallTimeout);
    }

    public CamerasOptions withStallTimeout(Duration timeout) {
        return new CamerasOptions(rescanInterval, timeout);
    }
}
