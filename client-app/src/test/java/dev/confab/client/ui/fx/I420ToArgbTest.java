package dev.confab.client.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import org.junit.jupiter.api.Test;

class I420ToArgbTest {
    @Test
    void limitedRangeBlackWhiteAndPrimariesComeOutAsTheirRgb() {
        assertThat(pixel(16, 128, 128)).isEqualTo(0xff000000);
        assertThat(pixel(235, 128, 128)).isEqualTo(0xffffffff);
        // BT.601 limited-range red, green and blue, within rounding.
        assertThat(channels(pixel(81, 90, 240))).containsExactly(255, 0, 0);
        assertThat(channels(pixel(145, 54, 34))).containsExactly(0, 255, 0);
        assertThat(channels(pixel(41, 240, 110))).containsExactly(0, 0, 255);
    }

    @Test
    void eachPixelTakesTheChromaOfItsTwoByTwoBlock() {
        I420Frame frame = I420Frame.allocate(new FrameSize(4, 2));
        frame.fill(128, 128, 128);
        frame.data()[frame.uOffset() + 1] = (byte) 240; // the right half's U
        int[] argb = new int[8];
        I420ToArgb.convert(frame, argb);
        assertThat(argb[0]).isEqualTo(argb[1]).isEqualTo(argb[4]).isEqualTo(argb[5]);
        assertThat(argb[2]).isEqualTo(argb[3]).isEqualTo(argb[6]).isEqualTo(argb[7]).isNotEqualTo(argb[0]);
    }

    private static int pixel(int y, int u, int v) {
        I420Frame frame = I420Frame.allocate(new FrameSize(2, 2));
        frame.fill(y, u, v);
        int[] argb = new int[4];
        I420ToArgb.convert(frame, argb);
        return argb[0];
    }

    private static int[] channels(int argb) {
        return new int[] {near(argb >> 16 & 0xff), near(argb >> 8 & 0xff), near(argb & 0xff)};
    }

    /** Rounds to 0 or 255 when within 3 of either (the primaries' YUV are themselves rounded). */
    private static int near(int value) {
        return value <= 3 ? 0 : value >= 252 ? 255 : value;
    }
}
