package dev.confab.media.video.capture;

import dev.confab.media.video.frame.I420Frame;

/**
 * An open camera delivering pictures, made by {@link CameraDevice#openStream}: the device is held until
 * {@link #close()}. Each {@link #read} waits (a bounded time) for the next picture, at the pace of the device or, for
 * test patterns and files, of the stream's frame rate.
 *
 * <p>Thread contract: one thread at a time (the capture thread), {@link #close()} included.
 */
public interface CameraStream extends AutoCloseable {
    /** The size and frame rate the device delivers (before any scaling into the frames {@link #read} fills). */
    CameraMode mode();

    /**
     * Waits up to about 100 ms (or one frame interval, if longer) for the next picture and puts it into {@code out},
     * scaled to {@code out}'s size, with its capture time in microseconds of the camera's clock.
     *
     * @return true with a picture in {@code out}; false when none came in that time (try again)
     * @throws CameraException when the device failed, went away or its stream ended; the stream is then unusable
     */
    boolean read(I420Frame out) throws CameraException;

    /** Releases the device; idempotent. */
    @Override
    void close();
}
