package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.TestPattern;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prints encode and decode speed of the test pattern with the call settings, as frames per wall-clock second and per
 * CPU second of the coding thread (the default settings use one encoder thread at these sizes on 2 cores, so the
 * latter is the codec's own cost even on a busy machine). A figure, not a bound: the benchmark module compares.
 */
class Vp8ThroughputTest {
    private static final int FRAMES = 150;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @CsvSource({"640, 480, 1000000", "1280, 720, 2500000"})
    void encodeAndDecodeSpeed(int width, int height, int bitrate) {
        FrameSize size = new FrameSize(width, height);
        TestPattern pattern = new TestPattern(size, 30);
        List<I420Frame> pictures = new ArrayList<>();
        for (int n = 0; n < FRAMES; n++) {
            pictures.add(Vp8Streams.patternFrame(pattern, n, I420Frame.allocate(size)));
        }
        Vp8EncoderConfig config = Vp8EncoderConfig.realtime(size, 30, bitrate);
        List<byte[]> stream = new ArrayList<>();
        EncodedFrame encoded = new EncodedFrame(size.i420Bytes());
        long[] encodeTimes;
        try (Vp8Encoder encoder = Vp8Encoder.open(config)) {
            encodeTimes = timed(() -> {
                for (I420Frame picture : pictures) {
                    encoder.encode(picture, encoded);
                    stream.add(encoded.toByteArray());
                }
            });
        }
        I420Frame decoded = I420Frame.allocate(size);
        int[] shown = {0};
        long[] decodeTimes;
        try (Vp8Decoder decoder = Vp8Decoder.open()) {
            decodeTimes = timed(() -> {
                for (byte[] frame : stream) {
                    shown[0] += decoder.decode(frame, 0, frame.length, decoded) == DecodeStatus.DECODED ? 1 : 0;
                }
            });
        }
        System.out.printf("VP8 %s (%d thread, cpu-used %d): encode %.0f fps (%.0f per CPU second), decode %.0f fps"
                        + " (%.0f per CPU second)%n", size, config.threads(), config.cpuUsed(),
                fps(encodeTimes[0]), fps(encodeTimes[1]), fps(decodeTimes[0]), fps(decodeTimes[1]));
        assertThat(stream).hasSize(FRAMES);
        assertThat(shown[0]).isEqualTo(FRAMES);
    }

    private static long[] timed(Runnable work) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        work.run();
        return new long[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu};
    }

    private static double fps(long nanos) {
        return FRAMES * 1e9 / nanos;
    }
}
