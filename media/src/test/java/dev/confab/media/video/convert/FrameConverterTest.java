package dev.confab.media.video.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.TestPattern;
import org.junit.jupiter.api.Test;

class FrameConverterTest {
    private static final FrameSize SIZE = new FrameSize(64, 48);

    @Test
    void pureColoursBecomeTheirBt601LimitedRangeValues() {
        // BT.601, limited range: red Y 81 U 90 V 240, green 145 54 34, blue 41 240 110, white 235 128 128
        int[][] rgbAndYuv = {{0xff0000, 81, 90, 240}, {0x00ff00, 145, 54, 34}, {0x0000ff, 41, 240, 110},
            {0xffffff, 235, 128, 128}};
        try (FrameConverter converter = new FrameConverter()) {
            for (int[] colour : rgbAndYuv) {
                int[] argb = new int[SIZE.pixels()];
                java.util.Arrays.fill(argb, 0xff000000 | colour[0]);
                I420Frame viaArgb = I420Frame.allocate(SIZE);
                converter.argbToI420(argb, SIZE, viaArgb);
                byte[] bgr = new byte[SIZE.pixels() * 3];
                for (int i = 0; i < SIZE.pixels(); i++) {
                    bgr[3 * i] = (byte) colour[0];
                    bgr[3 * i + 1] = (byte) (colour[0] >> 8);
                    bgr[3 * i + 2] = (byte) (colour[0] >> 16);
                }
                I420Frame viaBgr = I420Frame.allocate(SIZE);
                converter.bgr24ToI420(bgr, SIZE, viaBgr);
                for (I420Frame frame : new I420Frame[] {viaArgb, viaBgr}) {
                    assertThat(frame.luma(10, 10)).as("Y of %06x", colour[0]).isCloseTo(colour[1], within(1));
                    assertThat(frame.data()[frame.uOffset() + 50] & 0xff).as("U").isCloseTo(colour[2], within(1));
                    assertThat(frame.data()[frame.vOffset() + 50] & 0xff).as("V").isCloseTo(colour[3], within(1));
                }
            }
        }
    }

    @Test
    void aPictureSurvivesTheRoundTripThroughBothPackedFormats() {
        FrameSize size = new FrameSize(640, 480);
        I420Frame original = I420Frame.allocate(size);
        new TestPattern(size, 30).render(new FrameStamp(12, 34), original);
        I420Frame back = I420Frame.allocate(size);
        try (FrameConverter converter = new FrameConverter()) {
            int[] argb = new int[size.pixels()];
            converter.i420ToArgb(original, argb, size);
            assertThat(argb[size.pixels() - 1] >>> 24).as("opaque").isEqualTo(0xff);
            converter.argbToI420(argb, size, back);
            double viaArgb = Psnr.luma(original, back);
            byte[] bgr = new byte[size.pixels() * 3];
            converter.i420ToBgr24(original, bgr, size);
            converter.bgr24ToI420(bgr, size, back);
            double viaBgr = Psnr.luma(original, back);
            System.out.printf("I420 -> ARGB -> I420: %.1f dB, via BGR24: %.1f dB%n", viaArgb, viaBgr);
            assertThat(viaArgb).isGreaterThan(40);
            assertThat(viaBgr).isGreaterThan(40);
        }
    }

    @Test
    void scalesToTheTargetSizeAndKeepsTheCaptureTime() {
        I420Frame original = I420Frame.allocate(new FrameSize(640, 480));
        new TestPattern(original.size(), 30).render(new FrameStamp(1, 2), original);
        original.setCaptureTimeMicros(99);
        I420Frame half = I420Frame.allocate(new FrameSize(320, 240));
        I420Frame back = I420Frame.allocate(new FrameSize(640, 480));
        try (FrameConverter converter = new FrameConverter()) {
            for (int i = 0; i < 3; i++) {
                converter.scale(original, half);
                converter.scale(half, back);
            }
        }
        assertThat(half.size()).isEqualTo(new FrameSize(320, 240));
        assertThat(back.captureTimeMicros()).isEqualTo(99);
        assertThat(Psnr.luma(original, back)).as("down and up again").isGreaterThan(25);
    }

    @Test
    void arraysTooShortAndClosedConvertersAreRefused() {
        FrameConverter converter = new FrameConverter();
        I420Frame frame = I420Frame.allocate(SIZE);
        assertThatThrownBy(() -> converter.bgr24ToI420(new byte[10], SIZE, frame))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> converter.i420ToArgb(frame, new int[10], SIZE))
                .isInstanceOf(IllegalArgumentException.class);
        converter.close();
        converter.close();
        assertThatThrownBy(() -> converter.scale(frame, frame)).isInstanceOf(IllegalStateException.class);
    }
}
