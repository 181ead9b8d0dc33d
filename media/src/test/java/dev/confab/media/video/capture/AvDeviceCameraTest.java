package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.media.video.capture.CameraException.Kind;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The avdevice driver opened on FFmpeg's lavfi input: the same open, read, decode and convert path as a V4L2 camera,
 * on a machine without one.
 */
class AvDeviceCameraTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void noThreadsLeft() {
        CaptureThreads.awaitNoneAlive();
    }

    @Test
    void deliversFramesOfTheAskedSizeAtTheAskedRate() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        try (Cameras cameras = start(AvDeviceSource.lavfi("Lavfi camera", "testsrc2=size=640x480:rate=30"))) {
            assertThat(cameras.list()).containsExactly(new Camera("Lavfi camera", List.of()));
            try (CameraCapture capture = cameras.open("Lavfi camera", CameraMode.of(320, 240, 15), recorder)) {
                assertThat(capture.deviceMode()).isEqualTo(CameraMode.of(640, 480, 30));
                assertThat(capture.mode()).isEqualTo(CameraMode.of(320, 240, 15));
                await().atMost(WAIT).until(() -> recorder.count() >= 31);
            }
        }
        assertThat(recorder.arrivalRate(31)).as("frames a second over 2 s").isCloseTo(15, Offset.offset(1.5));
        assertThat(recorder.frames()).allSatisfy(f -> assertThat(f.size()).isEqualTo(new FrameSize(320, 240)));
        assertThat(events).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yuyv422", "uyvy422", "nv12", "yuvj422p", "rgb24", "bgr0", "gray"})
    void picturesInTheFormatsCamerasSendBecomeTheSameI420(String pixelFormat) throws Exception {
        // testsrc2 draws in whatever format it is asked for; drawn in I420 and converted by lavfi, the pictures differ
        // from the reference only by two conversions.
        String source = "testsrc2=size=320x240:rate=30,format=yuv420p";
        I420Frame reference = firstFrame(AvDeviceSource.lavfi("I420", source));
        I420Frame converted = firstFrame(AvDeviceSource.lavfi(pixelFormat, source + ",format=" + pixelFormat));
        assertThat(Psnr.luma(converted, reference)).as("luma PSNR, dB").isGreaterThan(35);
        if (!pixelFormat.equals("gray")) {
            assertThat(Psnr.all(converted, reference)).as("PSNR with chroma, dB").isGreaterThan(30);
        }
    }

    @Test
    void aSourceThatEndsFailsTheCaptureWithAnEvent() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        try (Cameras cameras = start(AvDeviceSource.lavfi("Short", "testsrc2=size=320x240:rate=30:duration=1"))) {
            CameraCapture capture = cameras.open("Short", CameraMode.of(320, 240, 30), recorder);
            assertThatThrownBy(() -> capture.finished().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(CameraException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED))
                    .hasMessageContaining("\"Short\"").hasMessageContaining("ended");
            assertThat(events).singleElement().isInstanceOfSatisfying(CameraEvent.Failed.class,
                    failed -> assertThat(failed.cameraName()).isEqualTo("Short"));
            assertThat(recorder.count()).as("a second of frames").isBetween(27, 30);
            await().atMost(WAIT).until(() -> CaptureThreads.alive().equals(List.of("camera-watch")));
            try (CameraCapture again = cameras.open("Short", CameraMode.of(320, 240, 30), f -> {})) {
                assertThat(again.isOn()).as("a failed capture frees its camera").isTrue();
            }
        }
    }

    @Test
    void aSourceSmallerThanAskedOrBrokenIsAClearError() {
        try (Cameras cameras = start(AvDeviceSource.lavfi("Small", "testsrc2=size=320x240:rate=30"),
                AvDeviceSource.lavfi("Broken", "no_such_filter"),
                new AvDeviceSource("Absent", "v4l2", "/dev/video99", List.of()))) {
            assertThatThrownBy(() -> cameras.open("Small", CameraMode.of(640, 480, 30), f -> {}))
                    .isInstanceOfSatisfying(CameraException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_MODE))
                    .hasMessageContaining("640x480").hasMessageContaining("320x240@30");
            assertThatThrownBy(() -> cameras.open("Broken", CameraMode.of(320, 240, 30), f -> {}))
                    .isInstanceOfSatisfying(CameraException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED))
                    .hasMessageContaining("\"Broken\"");
            assertThatThrownBy(() -> cameras.open("Absent", CameraMode.of(320, 240, 30), f -> {}))
                    .isInstanceOfSatisfying(CameraException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.NO_CAMERA))
                    .hasMessageContaining("not connected");
        }
    }

    /** The first frame {@code source} delivers at 320x240. */
    private I420Frame firstFrame(AvDeviceSource source) throws CameraException {
        I420Frame first = I420Frame.allocate(new FrameSize(320, 240));
        AtomicBoolean taken = new AtomicBoolean();
        try (Cameras cameras = start(source);
                CameraCapture capture = cameras.open(source.name(), CameraMode.of(320, 240, 30), frame -> {
                    if (!taken.get()) {
                        first.copyFrom(frame);
                        taken.set(true);
                    }
                })) {
            await().atMost(WAIT).untilTrue(taken);
        }
        return first;
    }

    private Cameras start(AvDeviceSource... sources) {
        return Cameras.start(AvDeviceDriver.of(Clock.systemUTC(), sources),
                CamerasOptions.defaults().withRescanInterval(Duration.ofMillis(100)), events::add);
    }
}
