package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import dev.confab.media.video.pattern.StampCode;
import dev.confab.testkit.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An independent VP8 implementation on both sides: the ffmpeg command line (Debian's, its own libavcodec and libvpx)
 * decodes what Confab encodes, and Confab decodes what ffmpeg encodes; each side's pictures match the other's decoding
 * of the same stream exactly (VP8 decoding is bit-exact by its specification).
 */
class Vp8FfmpegInteropTest {
    private static final Duration RUN = Duration.ofSeconds(60);

    @Test
    void ffmpegDecodesWhatConfabEncodes() throws IOException {
        FrameSize size = new FrameSize(640, 480);
        List<byte[]> stream = Vp8Streams.encode(size, 30, 1_000_000, 60, 30);
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            new IvfFile(size, 30, stream).write(ffmpeg.dir().resolve("confab.ivf"));
            run(ffmpeg, List.of("-v", "error", "-i", "confab.ivf", "-f", "rawvideo", "-pix_fmt", "yuv420p", "out.yuv"));
            List<I420Frame> theirs = rawFrames(ffmpeg.dir().resolve("out.yuv"), size);
            assertThat(theirs).hasSize(stream.size());
            try (Vp8Decoder decoder = Vp8Decoder.open()) {
                I420Frame ours = I420Frame.allocate(size);
                for (int n = 0; n < stream.size(); n++) {
                    byte[] frame = stream.get(n);
                    assertThat(decoder.decode(frame, 0, frame.length, ours)).isEqualTo(DecodeStatus.DECODED);
                    assertThat(Psnr.all(ours, theirs.get(n))).as("frame %d as ffmpeg decodes it", n).isInfinite();
                    assertThat(StampCode.read(theirs.get(n))).contains(Vp8Streams.stamp(n, 30));
                }
            }
        }
    }

    @Test
    void confabDecodesWhatFfmpegEncodes() throws IOException {
        FrameSize size = new FrameSize(320, 240);
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            run(ffmpeg, List.of("-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30", "-frames:v", "45",
                    "-c:v", "libvpx", "-b:v", "600k", "-deadline", "realtime", "-cpu-used", "8", "-g", "15",
                    "ffmpeg.ivf"));
            run(ffmpeg, List.of("-v", "error", "-i", "ffmpeg.ivf", "-f", "rawvideo", "-pix_fmt", "yuv420p", "ref.yuv"));
            IvfFile ivf = IvfFile.read(ffmpeg.dir().resolve("ffmpeg.ivf"));
            List<I420Frame> reference = rawFrames(ffmpeg.dir().resolve("ref.yuv"), size);
            assertThat(ivf.size()).isEqualTo(size);
            assertThat(ivf.frames()).hasSize(45).hasSameSizeAs(reference);
            int keyframes = 0;
            try (Vp8Decoder decoder = Vp8Decoder.open()) {
                I420Frame ours = I420Frame.allocate(size);
                for (int n = 0; n < ivf.frames().size(); n++) {
                    byte[] frame = ivf.frames().get(n);
                    keyframes += Vp8FrameHeader.isKeyframe(frame, 0, frame.length) ? 1 : 0;
                    assertThat(decoder.decode(frame, 0, frame.length, ours)).isEqualTo(DecodeStatus.DECODED);
                    assertThat(Psnr.all(ours, reference.get(n))).as("frame %d", n).isInfinite();
                }
            }
            assertThat(keyframes).as("-g 15").isEqualTo(3);
        }
    }

    private static void run(Ffmpeg ffmpeg, List<String> args) {
        ffmpeg.start(args);
        assertThat(ffmpeg.awaitExit(RUN)).as("ffmpeg ends within %s", RUN).isTrue();
        assertThat(ffmpeg.exitCode()).as("ffmpeg: %s", ffmpeg.log()).isZero();
        assertThat(ffmpeg.log()).as("ffmpeg reports no error").isBlank();
    }

    private static List<I420Frame> rawFrames(Path yuv, FrameSize size) throws IOException {
        byte[] raw = Files.readAllBytes(yuv);
        int frameBytes = size.i420Bytes();
        assertThat(raw.length % frameBytes).as("whole pictures").isZero();
        return IntStream.range(0, raw.length / frameBytes).mapToObj(i -> {
            I420Frame frame = I420Frame.allocate(size);
            System.arraycopy(raw, i * frameBytes, frame.data(), 0, frameBytes);
            return frame;
        }).toList();
    }
}
