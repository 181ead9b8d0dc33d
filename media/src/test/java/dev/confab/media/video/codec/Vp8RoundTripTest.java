package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import dev.confab.media.video.pattern.StampCode;
import dev.confab.media.video.pattern.TestPattern;
import org.junit.jupiter.api.Test;

/** The quality target: the moving test pattern through VP8 at 640x480, 30 fps, 1 Mbit/s. */
class Vp8RoundTripTest {
    private static final FrameSize VGA = new FrameSize(640, 480);
    private static final int FPS = 30;
    private static final int FRAMES = 150;

    @Test
    void patternSurvivesAtOneMegabitWithItsStamps() {
        TestPattern pattern = new TestPattern(VGA, FPS);
        I420Frame sent = I420Frame.allocate(VGA);
        I420Frame received = I420Frame.allocate(VGA);
        EncodedFrame encoded = new EncodedFrame(64 * 1024);
        double lumaPsnrSum = 0;
        double allPsnrSum = 0;
        double worstLuma = Double.MAX_VALUE;
        long bytes = 0;
        try (Vp8Encoder encoder = Vp8Encoder.open(Vp8EncoderConfig.realtime(VGA, FPS, 1_000_000));
                Vp8Decoder decoder = Vp8Decoder.open()) {
            for (int n = 0; n < FRAMES; n++) {
                Vp8Streams.patternFrame(pattern, n, sent);
                assertThat(encoder.encode(sent, encoded)).as("frame %d encoded", n).isTrue();
                assertThat(encoded.keyframe()).as("only the first frame is a keyframe").isEqualTo(n == 0);
                bytes += encoded.length();

                assertThat(decoder.decode(encoded, received)).isEqualTo(DecodeStatus.DECODED);
                assertThat(received.size()).isEqualTo(VGA);
                assertThat(received.captureTimeMicros()).isEqualTo(sent.captureTimeMicros());
                assertThat(StampCode.read(received)).as("stamp of frame %d", n).contains(Vp8Streams.stamp(n, FPS));
                double luma = Psnr.luma(sent, received);
                lumaPsnrSum += luma;
                allPsnrSum += Psnr.all(sent, received);
                worstLuma = Math.min(worstLuma, luma);
            }
        }
        double meanLuma = lumaPsnrSum / FRAMES;
        double kbps = bytes * 8.0 * FPS / FRAMES / 1000;
        System.out.printf("VP8 640x480 30 fps 1 Mbit/s: luma PSNR mean %.2f dB (worst %.2f), all planes %.2f dB,"
                + " %.0f kbit/s%n", meanLuma, worstLuma, allPsnrSum / FRAMES, kbps);
        assertThat(meanLuma).as("mean luma PSNR, the issue's target").isGreaterThanOrEqualTo(35);
        assertThat(worstLuma).as("worst frame").isGreaterThanOrEqualTo(30);
        assertThat(kbps).as("CBR holds the rate").isBetween(600.0, 1300.0);
    }
}
