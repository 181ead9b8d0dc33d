package dev.confab.media.video.capture;

import dev.confab.media.video.convert.FrameConverter;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.TestPatternSource;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A camera that films the test pattern: it offers the usual webcam sizes from 320x240 to 1920x1080 at 15, 30 and 60
 * frames a second, and any number of streams may be open at once. Thread-safe.
 */
final class TestPatternCamera extends AbstractCameraDevice {
    private static final List<CameraMode> MODES = Stream.of(new int[] {320, 240}, new int[] {640, 360},
                    new int[] {640, 480}, new int[] {960, 540}, new int[] {1280, 720}, new int[] {1920, 1080})
            .flatMap(wh -> IntStream.of(15, 30, 60).mapToObj(rate -> CameraMode.of(wh[0], wh[1], rate)))
            .toList();

    private final String name;
    private final Clock clock;

    TestPatternCamera(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<CameraMode> modes() {
        return MODES;
    }

    @Override
    public CameraStream openStream(CameraMode mode) {
        return new PatternStream(mode, new TestPatternSource(mode.size(), mode.frameRate(), clock));
    }

    /** Draws each frame when it is due; into a picture of its own first when the frame asks for another size. */
    private static final class PatternStream implements CameraStream {
        private final CameraMode mode;
        private final TestPatternSource source;
        private final StreamPacer pacer;
        private long frames;
        private I420Frame drawn;
        private FrameConverter scaler;

        PatternStream(CameraMode mode, TestPatternSource source) {
            this.mode = mode;
            this.source = source;
            this.pacer = new StreamPacer(mode.frameIntervalNanos());
        }

        @Override
        public CameraMode mode() {
            return mode;
        }

        @Override
        public boolean read(I420Frame out) {
            pacer.awaitPresentation(frames++ / (double) mode.frameRate());
            if (out.size().equals(mode.size())) {
                source.next(out);
                return true;
            }
            if (drawn == null) {
                drawn = I420Frame.allocate(mode.size());
                scaler = new FrameConverter();
            }
            source.next(drawn);
            scaler.scale(drawn, out);
            return true;
        }

        @Override
        public void close() {
            if (scaler != null) {
                scaler.close();
                scaler = null;
            }
        }
    }
}
