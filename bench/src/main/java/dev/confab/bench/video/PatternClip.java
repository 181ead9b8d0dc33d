package dev.confab.bench.video;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.TestPattern;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw pictures both encoders are fed: {@code frames} frames of Confab's moving, stamped {@link TestPattern},
 * drawn once into memory (so drawing is not timed) and written once as a raw I420 file for the ffmpeg CLI. Immutable
 * after construction; the frames must not be changed.
 */
final class PatternClip {
    private final FrameSize size;
    private final int frameRate;
    private final List<I420Frame> frames;

    private PatternClip(FrameSize size, int frameRate, List<I420Frame> frames) {
        this.size = size;
        this.frameRate = frameRate;
        this.frames = frames;
    }

    /** Frames 0 to {@code count - 1} of the pattern, captured {@code 1 / frameRate} s apart. */
    static PatternClip draw(FrameSize size, int frameRate, int count) {
        TestPattern pattern = new TestPattern(size, frameRate);
        List<I420Frame> frames = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            I420Frame frame = I420Frame.allocate(size);
            long captureMillis = n * 1000L / frameRate;
            pattern.render(new FrameStamp(n, captureMillis), frame);
            frame.setCaptureTimeMicros(n * 1_000_000L / frameRate);
            frames.add(frame);
        }
        return new PatternClip(size, frameRate, List.copyOf(frames));
    }

    FrameSize size() {
        return size;
    }

    int frameRate() {
        return frameRate;
    }

    List<I420Frame> frames() {
        return frames;
    }

    /** Seconds of video the clip lasts at its frame rate. */
    double seconds() {
        return (double) frames.size() / frameRate;
    }

    /** Writes the frames one after another, planes tightly packed: ffmpeg's {@code -f rawvideo -pix_fmt yuv420p}. */
    Path writeRaw(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (I420Frame frame : frames) {
                out.write(frame.data(), 0, size.i420Bytes());
            }
        }
        return file;
    }
}
