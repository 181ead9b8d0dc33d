package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.TestPattern;
import dev.confab.testkit.Ffmpeg;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Video files of the test pattern made by the ffmpeg command line: frame {@code n} is stamped with number {@code n}. */
final class PatternFiles {
    private PatternFiles() {}

    /** ffmpeg's arguments for H.264 (as a phone records it), lossless enough for every stamp to read back. */
    static final List<String> H264 = List.of("-c:v", "libx264", "-preset", "ultrafast", "-qp", "12", "-pix_fmt",
            "yuv420p");
    /** ffmpeg's arguments for MJPEG in full-range 4:2:2, as USB webcams send it. */
    static final List<String> MJPEG = List.of("-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj422p");

    /** Writes {@code frames} pattern frames as raw I420 and has ffmpeg encode them with {@code codec} into {@code name}. */
    static Path encode(Ffmpeg ffmpeg, String name, List<String> codec, FrameSize size, int rate, int frames)
            throws IOException {
        TestPattern pattern = new TestPattern(size, rate);
        I420Frame frame = I420Frame.allocate(size);
        Path raw = ffmpeg.dir().resolve("pattern.yuv");
        try (OutputStream out = Files.newOutputStream(raw)) {
            for (int n = 0; n < frames; n++) {
                pattern.render(new FrameStamp(n, n * 1000L / rate), frame);
                out.write(frame.data(), 0, size.i420Bytes());
            }
        }
        List<String> args = new ArrayList<>(List.of("-v", "error", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s",
                size.toString(), "-r", Integer.toString(rate), "-i", "pattern.yuv"));
        args.addAll(codec);
        args.add(name);
        ffmpeg.start(args);
        assertThat(ffmpeg.awaitExit(Duration.ofSeconds(60))).as("ffmpeg ends").isTrue();
        assertThat(ffmpeg.exitCode()).as("ffmpeg: %s", ffmpeg.log()).isZero();
        Files.delete(raw);
        return ffmpeg.dir().resolve(name);
    }
}
