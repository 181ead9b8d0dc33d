package dev.confab.media.video.y4m;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.TestPattern;
import dev.confab.testkit.Ffmpeg;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures written to a .y4m file read back exactly, ffmpeg reads Confab's files and Confab ffmpeg's, bad files refused. */
class Y4mTest {
    private static final FrameSize SIZE = new FrameSize(320, 240);

    @TempDir
    Path dir;

    @Test
    void picturesReadBackExactlyAndFfmpegAgrees() throws Exception {
        Path file = dir.resolve("pattern.y4m");
        TestPattern pattern = new TestPattern(SIZE, 30);
        List<I420Frame> written = List.of(I420Frame.allocate(SIZE), I420Frame.allocate(SIZE), I420Frame.allocate(SIZE));
        try (Y4mWriter writer = Y4mWriter.create(file, SIZE, 30)) {
            for (int i = 0; i < written.size(); i++) {
                pattern.render(new FrameStamp(i, 1000 + 33L * i), written.get(i));
                writer.write(written.get(i));
            }
            assertThat(writer.frames()).isEqualTo(3);
        }
        try (Y4mReader reader = Y4mReader.open(file)) {
            assertThat(reader.size()).isEqualTo(SIZE);
            I420Frame read = I420Frame.allocate(new FrameSize(16, 16));
            for (I420Frame sent : written) {
                reader.next(read).orElseThrow();
                assertThat(Arrays.equals(read.data(), 0, SIZE.i420Bytes(), sent.data(), 0, SIZE.i420Bytes())).isTrue();
            }
            assertThat(reader.next(read)).isEmpty();
        }

        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            Path copy = ffmpeg.dir().resolve("copy.y4m");
            ffmpeg.start(List.of("-i", file.toString(), "-pix_fmt", "yuv420p", copy.toString()));
            assertThat(ffmpeg.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(ffmpeg.exitCode()).as(ffmpeg.log()).isZero();
            try (Y4mReader reader = Y4mReader.open(copy)) {
                I420Frame read = I420Frame.allocate(SIZE);
                for (I420Frame sent : written) {
                    assertThat(Psnr.luma(reader.next(read).orElseThrow(), sent)).isInfinite();
                }
                assertThat(reader.next(read)).isEmpty();
            }
        }
    }

    @Test
    void whatIsNotAFourTwoZeroY4mFileIsRefusedWithAReason() throws Exception {
        assertThatThrownBy(() -> Y4mReader.open(write("RIFF....WAVE")))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> Y4mReader.open(write("GIF89a\n"))).hasMessageContaining("not a YUV4MPEG2");
        assertThatThrownBy(() -> Y4mReader.open(write("YUV4MPEG2 W320 H240 C444\n"))).hasMessageContaining("4:2:0");
        assertThatThrownBy(() -> Y4mReader.open(write("YUV4MPEG2 W0 H240\n"))).hasMessageContaining("size 0x240");
        assertThatThrownBy(() -> Y4mReader.open(write("YUV4MPEG2 Wabc H240\n"))).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Y4mReader.open(write("YUV4MPEG2 " + "X".repeat(300) + "\n")))
                .hasMessageContaining("longer than");
        try (Y4mReader reader = Y4mReader.open(write("YUV4MPEG2 W2 H2\nFRAME\n\1\2"))) {
            assertThatThrownBy(() -> reader.next(I420Frame.allocate(new FrameSize(2, 2))))
                    .isInstanceOf(EOFException.class).hasMessageContaining("inside a picture");
        }
        try (Y4mWriter writer = Y4mWriter.create(dir.resolve("w.y4m"), SIZE, 30)) {
            assertThatThrownBy(() -> writer.write(I420Frame.allocate(new FrameSize(640, 480))))
                    .hasMessageContaining("640x480 picture in a 320x240 file");
        }
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "bad", ".y4m");
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
        return file;
    }
}
