package dev.confab.client.ui.settings;

import dev.confab.media.video.capture.CameraCapture;
import dev.confab.media.video.capture.CameraDriver;
import dev.confab.media.video.capture.CameraEvent;
import dev.confab.media.video.capture.CameraException;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.Cameras;
import dev.confab.media.video.capture.CamerasOptions;
import dev.confab.media.video.capture.VideoFrameConsumer;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The settings screen's camera preview: opens one camera at a time, small and slow enough to cost little, into a
 * consumer (a VideoSurface). The machine's cameras are asked for at the first preview. Thread-safe: methods serialize
 * on this object and block on the device, so call them off the UI thread.
 */
final class CameraPreview implements AutoCloseable {
    /** What the preview asks of the camera: a thumbnail at a calm frame rate. */
    static final CameraMode MODE = CameraMode.of(320, 240, 15);

    private final Supplier<CameraDriver> driver;
    private final Consumer<CameraEvent> events;
    private Cameras cameras;
    private CameraCapture capture;
    private String showing;

    CameraPreview(Supplier<CameraDriver> driver, Consumer<CameraEvent> events) {
        this.driver = driver;
        this.events = events;
    }

    /**
     * Shows {@code camera} (none: stops), unless it shows already.
     *
     * @throws CameraException when the camera cannot be opened (the message says why, for people)
     */
    synchronized void show(Optional<String> camera, VideoFrameConsumer into) throws CameraException {
        if (camera.isPresent() && camera.get().equals(showing) && capture != null && capture.isOn()) {
            return;
        }
        stop();
        if (camera.isEmpty()) {
            return;
        }
        if (cameras == null) {
            cameras = Cameras.start(driver.get(), CamerasOptions.defaults(), events);
        }
        capture = cameras.open(camera.get(), MODE, into);
        showing = camera.get();
    }

    /** Releases the camera shown, if any. */
    synchronized void stop() {
        if (capture != null) {
            capture.close();
            capture = null;
            showing = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (cameras != null) {
            cameras.close();
            cameras = null;
        }
    }
}
