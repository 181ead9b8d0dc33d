package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.sarxos.webcam.Webcam;
import dev.confab.media.video.convert.FrameConverter;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.StampCode;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** webcam-capture's own API, {@code Webcam}, working through Confab's drivers (its bundled driver is not even there). */
class WebcamApiTest {
    @AfterEach
    void resetWebcamCapture() {
        Webcam.resetDriver();
    }

    @Test
    void webcamListsOpensAndCapturesThroughConfabsDrivers() throws Exception {
        Webcam.setDriver(new CompositeCameraDriver(TestPatternDriver.named(Clock.systemUTC(), "Pattern A", "Pattern B"),
                AvDeviceDriver.of(Clock.systemUTC(), AvDeviceSource.lavfi("Lavfi", "testsrc2=size=320x240:rate=30"))));
        assertThat(Webcam.getWebcams()).extracting(Webcam::getName).containsExactly("Pattern A", "Pattern B", "Lavfi");

        Webcam webcam = Webcam.getWebcamByName("Pattern B");
        assertThat(webcam.getViewSizes()).contains(new Dimension(320, 240), new Dimension(1920, 1080));
        webcam.setViewSize(new Dimension(640, 480));
        assertThat(webcam.open()).isTrue();
        try {
            BufferedImage first = webcam.getImage();
            BufferedImage second = webcam.getImage();
            assertThat(first.getWidth()).isEqualTo(640);
            assertThat(first.getHeight()).isEqualTo(480);
            assertThat(stamp(first)).isLessThan(stamp(second));
            assertThat(webcam.getFPS()).isPositive();
        } finally {
            webcam.close();
        }
        assertThat(webcam.isOpen()).isFalse();

        Webcam lavfi = Webcam.getWebcamByName("Lavfi");
        lavfi.open();
        try {
            assertThat(lavfi.getImage().getWidth()).isEqualTo(640);
        } finally {
            lavfi.close();
        }
    }

    /** The frame number the test pattern stamped into the image. */
    private static long stamp(BufferedImage image) {
        FrameSize size = new FrameSize(image.getWidth(), image.getHeight());
        I420Frame frame = I420Frame.allocate(size);
        try (FrameConverter converter = new FrameConverter()) {
            converter.bgr24ToI420(((DataBufferByte) image.getRaster().getDataBuffer()).getData(), size, frame);
        }
        return StampCode.read(frame).orElseThrow().frameNumber();
    }
}
