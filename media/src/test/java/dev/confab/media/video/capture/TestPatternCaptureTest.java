package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.media.video.capture.CameraException.Kind;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.pattern.FrameStamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing, choosing and capturing through {@link Cameras}, with test-pattern cameras. */
class TestPatternCaptureTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FRONT = "Confab test pattern";
    private static final String SIDE = "Second test pattern";

    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();
    private Cameras cameras;

    @BeforeEach
    void start() {
        cameras = Cameras.start(new CompositeCameraDriver(TestPatternDriver.named(Clock.systemUTC(), FRONT, SIDE)),
                CamerasOptions.defaults(), events::add);
    }

    @AfterEach
    void stop() {
        cameras.close();
        CaptureThreads.awaitNoneAlive();
        assertThat(events).as("no camera came or went").isEmpty();
    }

    @Test
    void camerasAreListedAndChosenByName() throws Exception {
        assertThat(cameras.list()).extracting(Camera::name).containsExactly(FRONT, SIDE);
        assertThat(cameras.find(SIDE).orElseThrow().modes()).contains(CameraMode.of(640, 480, 30),
                CameraMode.of(1280, 720, 60));
        assertThat(cameras.find("Nobody's camera")).isEmpty();
        FrameRecorder recorder = new FrameRecorder();
        try (CameraCapture capture = cameras.open(SIDE, CameraMode.of(320, 240, 15), recorder)) {
            assertThat(capture.camera().name()).isEqualTo(SIDE);
            await().atMost(WAIT).until(() -> recorder.count() >= 3);
        }
    }

    @Test
    void framesComeAtTheChosenSizeAndRateWithReadableStampsAndRisingCaptureTimes() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        try (CameraCapture capture = cameras.open(FRONT, CameraMode.of(640, 480, 30), recorder)) {
            assertThat(capture.mode()).isEqualTo(CameraMode.of(640, 480, 30));
            assertThat(capture.deviceMode()).isEqualTo(CameraMode.of(640, 480, 30));
            await().atMost(WAIT).until(() -> recorder.count() >= 61);
        }
        assertThat(recorder.captureRate(61)).as("frames a second over 2 s, by capture time").isCloseTo(30, tenPercentOf(30));
        assertThat(recorder.arrivalRate(61)).as("frames a second over 2 s, as they arrived").isCloseTo(30, tenPercentOf(30));
        List<FrameRecorder.Seen> frames = recorder.frames();
        assertThat(frames).allSatisfy(f -> assertThat(f.size()).isEqualTo(new FrameSize(640, 480)));
        for (int i = 0; i < frames.size(); i++) {
            FrameRecorder.Seen frame = frames.get(i);
            Optional<FrameStamp> stamp = frame.stamp();
            assertThat(stamp).as("frame %d's stamp", i).isPresent();
            assertThat(stamp.get().captureMillis()).isEqualTo(frame.captureMicros() / 1000);
            if (i > 0) {
                assertThat(frame.captureMicros()).isGreaterThan(frames.get(i - 1).captureMicros());
                assertThat(stamp.get().frameNumber()).isGreaterThan(frames.get(i - 1).stamp().get().frameNumber());
            }
        }
    }

    @Test
    void aSizeTheCameraDoesNotOfferIsScaledAndAFasterCameraIsThinned() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        try (CameraCapture capture = cameras.open(FRONT, CameraMode.of(400, 300, 20), recorder)) {
            assertThat(capture.deviceMode()).as("the smallest mode that covers it, at a rate that reaches 20")
                    .isEqualTo(CameraMode.of(640, 360, 30));
            assertThat(capture.mode()).isEqualTo(CameraMode.of(400, 300, 20));
            await().atMost(WAIT).until(() -> recorder.count() >= 41);
            assertThat(capture.stats().thinned()).isPositive();
        }
        assertThat(recorder.captureRate(41)).isCloseTo(20, tenPercentOf(20));
        assertThat(recorder.frames()).allSatisfy(f -> {
            assertThat(f.size()).isEqualTo(new FrameSize(400, 300));
            assertThat(f.stamp()).as("the stamp survives scaling").isPresent();
        });
    }

    @Test
    void noCameraBusyAndUnsupportedModeAreClearErrors() throws Exception {
        assertThatThrownBy(() -> cameras.open("Front camera", CameraMode.of(640, 480, 30), f -> {}))
                .isInstanceOfSatisfying(CameraException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NO_CAMERA))
                .hasMessage("No camera named \"Front camera\" is connected; there are: \"" + FRONT + "\", \"" + SIDE
                        + "\"");
        try (CameraCapture capture = cameras.open(FRONT, CameraMode.of(640, 480, 30), f -> {})) {
            assertThatThrownBy(() -> cameras.open(FRONT, CameraMode.of(320, 240, 15), f -> {}))
                    .isInstanceOfSatisfying(CameraException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUSY))
                    .hasMessageContaining("busy");
        }
        assertThatThrownBy(() -> cameras.open(FRONT, CameraMode.of(3840, 2160, 30), f -> {}))
                .isInstanceOfSatisfying(CameraException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_MODE))
                .hasMessageContaining("3840x2160").hasMessageContaining("1920x1080@60");
        try (Cameras none = Cameras.start(new CompositeCameraDriver(), CamerasOptions.defaults(), events::add)) {
            assertThat(none.list()).isEmpty();
            assertThatThrownBy(() -> none.open(FRONT, CameraMode.of(640, 480, 30), f -> {}))
                    .hasMessage("No camera is connected");
        }
        try (CameraCapture again = cameras.open(FRONT, CameraMode.of(640, 480, 30), f -> {})) {
            assertThat(again.isOn()).as("closed captures free their camera").isTrue();
        }
    }

    @Test
    void theCameraTurnsOffAndOnAgain() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        try (CameraCapture capture = cameras.open(FRONT, CameraMode.of(320, 240, 30), recorder)) {
            await().atMost(WAIT).until(() -> recorder.count() >= 5);
            capture.turnOff();
            assertThat(capture.isOn()).isFalse();
            int whenOff = recorder.count();
            long onAt = System.nanoTime();
            capture.turnOn();
            assertThat(capture.isOn()).isTrue();
            await().atMost(WAIT).until(() -> recorder.count() >= whenOff + 6);
            List<FrameRecorder.Seen> afterOff = recorder.frames().subList(whenOff, whenOff + 6);
            // At most one frame was being handed over as the camera went off; then a new stream of the pattern.
            List<FrameRecorder.Seen> newStream = afterOff.getFirst().stamp().orElseThrow().frameNumber() == 0
                    ? afterOff : afterOff.subList(1, afterOff.size());
            assertThat(newStream.getFirst().arrivalNanos()).isGreaterThan(onAt);
            for (int n = 0; n < newStream.size(); n++) {
                assertThat(newStream.get(n).stamp().orElseThrow().frameNumber()).isEqualTo(n);
            }
        }
    }

    @Test
    void aSlowConsumerGetsFreshFramesAndTheDropsAreCounted() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        VideoFrameConsumer slow = frame -> {
            recorder.accept(frame);
            LockSupport.parkNanos(100_000_000L);
        };
        try (CameraCapture capture = cameras.open(FRONT, CameraMode.of(320, 240, 60), slow)) {
            await().atMost(WAIT).until(() -> recorder.count() >= 10);
            CaptureStats stats = capture.stats();
            assertThat(stats.dropped()).as("a consumer taking 100 ms a frame at 60 fps").isPositive();
            assertThat(stats.captured()).isGreaterThanOrEqualTo(stats.delivered() + stats.dropped());
        }
        List<FrameRecorder.Seen> frames = recorder.frames();
        for (int i = 2; i < frames.size(); i++) {
            long gap = frames.get(i).stamp().orElseThrow().frameNumber()
                    - frames.get(i - 1).stamp().orElseThrow().frameNumber();
            assertThat(gap).as("frames skipped between deliveries %d and %d", i - 1, i).isBetween(1L, 12L);
        }
    }

    @Test
    void aConsumerThatThrowsIsCountedAndCaptureGoesOn() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        try (CameraCapture capture = cameras.open(FRONT, CameraMode.of(320, 240, 30), frame -> {
            recorder.accept(frame);
            throw new IllegalStateException("a bug in the consumer");
        })) {
            await().atMost(WAIT).until(() -> recorder.count() >= 5);
            assertThat(capture.stats().consumerFailures()).isGreaterThanOrEqualTo(4);
            assertThat(capture.finished()).isNotDone();
        }
    }

    private static Offset<Double> tenPercentOf(double rate) {
        return Offset.offset(rate / 10);
    }
}
