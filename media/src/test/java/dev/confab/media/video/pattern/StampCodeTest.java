package dev.confab.media.video.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.video.convert.FrameConverter;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StampCodeTest {
    private static final FrameStamp STAMP = new FrameStamp(0x8765_4321L, 1_750_000_123_456L);

    @ParameterizedTest
    @CsvSource({"128, 96", "320, 240", "641, 479", "1280, 720", "1920, 1080"})
    void readsBackWhatItWrote(int width, int height) {
        I420Frame frame = I420Frame.allocate(new FrameSize(width, height));
        StampCode.write(STAMP, frame);
        assertThat(StampCode.read(frame)).contains(STAMP);
        StampCode.write(new FrameStamp(FrameStamp.MAX_FRAME_NUMBER, FrameStamp.MAX_CAPTURE_MILLIS), frame);
        assertThat(StampCode.read(frame)).contains(new FrameStamp(0xffff_ffffL, 0xffff_ffff_ffffL));
        StampCode.write(new FrameStamp(0, 0), frame);
        assertThat(StampCode.read(frame)).contains(new FrameStamp(0, 0));
    }

    @Test
    void aPictureWithoutACodeOrWithOneBadBlockHasNoStamp() {
        I420Frame frame = I420Frame.allocate(new FrameSize(640, 480));
        assertThat(StampCode.read(frame)).as("black").isEmpty();
        StampCode.write(STAMP, frame);
        // the block of bit 40 (column 8, row 1: x 160-179, y 20-39) turned over
        int luma = frame.luma(170, 30);
        for (int y = 20; y < 40; y++) {
            for (int x = 160; x < 180; x++) {
                frame.data()[y * 640 + x] = (byte) (luma > 128 ? 16 : 235);
            }
        }
        assertThat(StampCode.read(frame)).as("CRC").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"320, 240", "426, 320", "160, 120", "1280, 720", "640, 360"})
    void survivesScaling(int width, int height) {
        I420Frame original = I420Frame.allocate(new FrameSize(640, 480));
        new TestPattern(original.size(), 30).render(STAMP, original);
        I420Frame scaled = I420Frame.allocate(new FrameSize(width, height));
        try (FrameConverter converter = new FrameConverter()) {
            converter.scale(original, scaled);
        }
        assertThat(StampCode.read(scaled)).contains(STAMP);
    }

    @Test
    void tooSmallForACode() {
        I420Frame small = I420Frame.allocate(new FrameSize(127, 96));
        assertThat(StampCode.read(small)).isEmpty();
        assertThatThrownBy(() -> StampCode.write(STAMP, small)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crcIsCcittFalse() {
        // the ten bytes 00..09, as Python's binascii.crc_hqx(bytes(range(10)), 0xffff) computes it
        assertThat(StampCode.crc16(0x0001_0203L, 0x0405_0607_0809L)).isEqualTo(0xc241);
    }
}
