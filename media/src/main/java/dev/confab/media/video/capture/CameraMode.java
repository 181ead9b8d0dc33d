package dev.confab.media.video.capture;

import dev.confab.media.video.frame.FrameSize;
import java.util.Objects;

/**
 * A picture size and frame rate a camera delivers, or a capture asks for. Immutable.
 *
 * @param size      the picture size
 * @param frameRate whole frames a second, 1 to {@value #MAX_FRAME_RATE}
 */
public record CameraMode(FrameSize size, int frameRate) {
    public static final int MAX_FRAME_RATE = 240;

    public CameraMode {
        Objects.requireNonNull(size, "size");
        if (frameRate < 1 || frameRate > MAX_FRAME_RATE) {
            throw new IllegalArgumentException("frame rate out of range 1.." + MAX_FRAME_RATE + ": " + frameRate);
        }
    }

    public static CameraMode of(int width, int height, int frameRate) {
        return new CameraMode(new FrameSize(width, height), frameRate);
    }

    /** Whether pictures of this mode can be scaled down (or kept) to {@code wanted} without growing either side. */
    public boolean covers(FrameSize wanted) {
        return size.width() >= wanted.width() && size.height() >= wanted.height();
    }

    /** Nanoseconds between frames. */
    public long frameIntervalNanos() {
        return 1_000_000_000L / frameRate;
    }

    @Override
    public String toString() {
        return size + "@" + frameRate;
    }
}
