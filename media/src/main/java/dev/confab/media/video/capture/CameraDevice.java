package dev.confab.media.video.capture;

import com.github.sarxos.webcam.WebcamDevice;
import java.util.List;

/**
 * A camera as Confab's drivers make it: a webcam-capture {@link WebcamDevice}, so that the {@code Webcam} API works
 * on it, which also offers its modes and opens streams that fill I420 frames without going through a
 * {@code BufferedImage}. {@link Cameras} uses only the latter.
 *
 * <p>Thread-safe: listings, the {@code Webcam} API and streams may be used from different threads.
 */
public interface CameraDevice extends WebcamDevice {
    /** The modes the device offers, smallest first; empty when it does not say. */
    List<CameraMode> modes();

    /**
     * Opens the device in {@code mode} (one of {@link #modes()}, or any mode when those are unknown: the device then
     * delivers what it can, which {@link CameraStream#mode()} tells).
     *
     * @throws CameraException {@code BUSY} when the device is in use, {@code NO_CAMERA} when it is gone,
     *                         {@code UNSUPPORTED_MODE} when it refuses the mode, else {@code FAILED}
     */
    CameraStream openStream(CameraMode mode) throws CameraException;

    /** The listing entry of this device. */
    default Camera describe() {
        return new Camera(getName(), modes());
    }
}
