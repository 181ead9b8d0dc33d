package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 6386 section 9.1: the frame tag and a keyframe's start code and size. */
class Vp8FrameHeaderTest {
    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void readsAKeyframesSize() {
        // tag: key (bit 0 clear), version 0, shown, first partition 0x2a2 bytes; start code; 640 (scale bits 11), 480
        byte[] frame = hex("50 54 00 9d 01 2a 80 c2 e0 01 00 00");
        assertThat(Vp8FrameHeader.isKeyframe(frame, 0, frame.length)).isTrue();
        assertThat(Vp8FrameHeader.keyframeWidth(frame, 0)).isEqualTo(640);
        assertThat(Vp8FrameHeader.keyframeHeight(frame, 0)).isEqualTo(480);
    }

    @Test
    void deltaFramesShortFramesAndWrongStartCodesAreNotKeyframes() {
        assertThat(Vp8FrameHeader.isKeyframe(hex("51 54 00 9d 01 2a 80 02 e0 01"), 0, 10)).as("key bit set").isFalse();
        assertThat(Vp8FrameHeader.isKeyframe(hex("50 54 00 9d 01 2a 80 02 e0"), 0, 9)).as("9 bytes").isFalse();
        assertThat(Vp8FrameHeader.isKeyframe(hex("50 54 00 9d 01 2b 80 02 e0 01"), 0, 10)).as("start code").isFalse();
        byte[] offset = hex("ff ff 50 54 00 9d 01 2a 80 02 e0 01");
        assertThat(Vp8FrameHeader.isKeyframe(offset, 2, 10)).as("at an offset").isTrue();
        assertThat(Vp8FrameHeader.isKeyframe(offset, 2, 9)).as("range too short").isFalse();
    }
}
