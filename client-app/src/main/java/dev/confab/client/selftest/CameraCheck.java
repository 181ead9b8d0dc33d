package dev.confab.client.selftest;

import dev.confab.media.video.capture.CameraDevice;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.CameraStream;
import dev.confab.media.video.capture.CompositeCameraDriver;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.StampCode;
import java.util.List;
import java.util.Optional;

/**
 * Cameras: the cameras a call can use, by the names {@code call --camera} takes, and one frame captured from the
 * built-in test pattern camera (real cameras are listed, not opened: that would switch on their light). Only the
 * test pattern is a warning: calls then go without the user's video. Stateless.
 */
final class CameraCheck {
    /** A camera stream's read waits about 100 ms; the test pattern at 30 frames a second has one ready sooner. */
    private static final int MAX_READS = 20;

    private CameraCheck() {}

    static Finding run() throws Exception {
        List<CameraDevice> cameras = CompositeCameraDriver.standard().cameras();
        Optional<CameraDevice> pattern = cameras.stream()
                .filter(camera -> camera.getName().equals(TestPatternDriver.DEFAULT_NAME)).findFirst();
        if (pattern.isEmpty()) {
            return Finding.fail("the built-in camera '" + TestPatternDriver.DEFAULT_NAME + "' is missing");
        }
        CameraMode mode = CameraMode.of(320, 240, 30);
        I420Frame frame = I420Frame.allocate(mode.size());
        boolean captured = false;
        try (CameraStream stream = pattern.get().openStream(mode)) {
            for (int read = 0; read < MAX_READS && !captured; read++) {
                captured = stream.read(frame);
            }
        }
        if (!captured || StampCode.read(frame).isEmpty()) {
            return Finding.fail("no frame could be captured from the test pattern camera");
        }
        String names = String.join(", ", cameras.stream().map(CameraDevice::getName).toList());
        if (cameras.size() == 1) {
            return Finding.warn("no camera found, only " + names + " (one frame captured from it): calls go without"
                    + " your video");
        }
        return Finding.ok("cameras: " + names + "; one frame captured from the test pattern");
    }
}
