package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.media.video.capture.CameraException.Kind;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.testkit.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** A video file the ffmpeg command line made, played as a camera; moving the file away unplugs it. */
class VideoFileCameraTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FrameSize SIZE = new FrameSize(320, 240);
    private static final int FILE_RATE = 25;
    private static final String NAME = "Holiday video";

    @Test
    void playsTheFileAtItsFrameRateAndLoops() throws Exception {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            Path file = PatternFiles.encode(ffmpeg, "pattern.mp4", PatternFiles.H264, SIZE, FILE_RATE, FILE_RATE);
            FrameRecorder recorder = new FrameRecorder();
            try (Cameras cameras = Cameras.start(new VideoFileDriver(Clock.systemUTC()).add(NAME, file),
                    CamerasOptions.defaults(), event -> {})) {
                assertThat(cameras.list()).containsExactly(new Camera(NAME, List.of(CameraMode.of(320, 240, 25))));
                try (CameraCapture capture = cameras.open(NAME, CameraMode.of(320, 240, 30), recorder)) {
                    assertThat(capture.mode()).as("no faster than the file").isEqualTo(CameraMode.of(320, 240, 25));
                    await().atMost(WAIT).until(() -> recorder.count() >= 61);
                }
            }
            assertThat(recorder.arrivalRate(61)).as("frames a second over 2.4 s")
                    .isCloseTo(FILE_RATE, Offset.offset(2.5));
            List<FrameRecorder.Seen> frames = recorder.frames();
            long first = frames.getFirst().stamp().orElseThrow().frameNumber();
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).size()).isEqualTo(SIZE);
                assertThat(frames.get(i).stamp()).as("frame %d", i).isPresent();
                assertThat(frames.get(i).stamp().get().frameNumber()).as("frame %d, in order and looping", i)
                        .isEqualTo((first + i) % FILE_RATE);
            }
        }
    }

    @Test
    void removingTheFileUnplugsTheCameraAndPuttingItBackPlugsItIn() throws Exception {
        List<CameraEvent> events = new CopyOnWriteArrayList<>();
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            Path file = PatternFiles.encode(ffmpeg, "pattern.mp4", PatternFiles.H264, SIZE, FILE_RATE,
                    2 * FILE_RATE);
            Path moved = file.resolveSibling("elsewhere.mp4");
            try (Cameras cameras = Cameras.start(new VideoFileDriver(Clock.systemUTC()).add(NAME, file),
                    CamerasOptions.defaults().withRescanInterval(Duration.ofMillis(100)), events::add)) {
                FrameRecorder recorder = new FrameRecorder();
                CameraCapture capture = cameras.open(NAME, CameraMode.of(320, 240, 25), recorder);
                await().atMost(WAIT).until(() -> recorder.count() >= 5);

                Files.move(file, moved);
                await().atMost(WAIT).until(() -> events.stream().anyMatch(CameraEvent.Removed.class::isInstance));
                assertThat(events).contains(new CameraEvent.Removed(new Camera(NAME, List.of(CameraMode.of(320, 240,
                        25)))));
                assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOfAny(CameraEvent.Removed.class,
                        CameraEvent.Failed.class));
                assertThatThrownBy(() -> capture.finished().get()).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOfSatisfying(CameraException.class,
                                e -> assertThat(e.kind()).isEqualTo(Kind.REMOVED));
                await().atMost(WAIT).until(() -> CaptureThreads.alive().equals(List.of("camera-watch")));
                assertThat(cameras.list()).isEmpty();
                assertThatThrownBy(() -> cameras.open(NAME, CameraMode.of(320, 240, 25), f -> {}))
                        .isInstanceOfSatisfying(CameraException.class,
                                e -> assertThat(e.kind()).isEqualTo(Kind.NO_CAMERA));

                Files.move(moved, file);
                await().atMost(WAIT).until(() -> events.stream().anyMatch(CameraEvent.Added.class::isInstance));
                FrameRecorder again = new FrameRecorder();
                try (CameraCapture back = cameras.open(NAME, CameraMode.of(320, 240, 25), again)) {
                    await().atMost(WAIT).until(() -> again.count() >= 5);
                    assertThat(back.finished()).isNotDone();
                }
            }
        }
        CaptureThreads.awaitNoneAlive();
    }

    @Test
    void webcamStyleMjpegDecodesAndIsScaled() throws Exception {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            Path file = PatternFiles.encode(ffmpeg, "webcam.avi", PatternFiles.MJPEG, new FrameSize(640, 480), 30, 30);
            FrameRecorder recorder = new FrameRecorder();
            try (Cameras cameras = Cameras.start(new VideoFileDriver(Clock.systemUTC()).add(NAME, file),
                    CamerasOptions.defaults(), event -> {});
                    CameraCapture capture = cameras.open(NAME, CameraMode.of(320, 240, 30), recorder)) {
                assertThat(capture.deviceMode()).isEqualTo(CameraMode.of(640, 480, 30));
                await().atMost(WAIT).until(() -> recorder.count() >= 10);
            }
            assertThat(recorder.frames()).allSatisfy(frame -> {
                assertThat(frame.size()).isEqualTo(SIZE);
                assertThat(frame.stamp()).isPresent();
            });
        }
    }

    @Test
    void aFileThatHoldsNoVideoIsNotACamera() throws Exception {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            Path text = Files.writeString(ffmpeg.dir().resolve("notes.mp4"), "not a video");
            VideoFileDriver driver = new VideoFileDriver(Clock.systemUTC()).add("Notes", text)
                    .add("Missing", ffmpeg.dir().resolve("missing.mp4"));
            assertThat(driver.cameras()).isEmpty();
        }
    }
}
