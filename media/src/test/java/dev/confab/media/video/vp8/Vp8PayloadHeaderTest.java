package dev.confab.media.video.vp8;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The payload header of RFC 7741 section 4.3: RFC 6386 section 9.1's frame tag and key frame start. */
class Vp8PayloadHeaderTest {

    @Test
    void readsAKeyFrameTagStartCodeAndSize() {
        // RFC 6386 9.1: tmp = c[0] | c[1] << 8 | c[2] << 16; key_frame = tmp & 1 (0 for key),
        // version = (tmp >> 1) & 7, show_frame = (tmp >> 4) & 1, first_part_size = (tmp >> 5) & 0x7FFFF.
        // Here tmp = 0x1234 << 5 | 1 << 4 | 2 << 1 | 0 = 0x24694.
        byte[] header = Hex.bytes("""
                94 46 02  # frame tag: key frame, version 2, shown, first partition 0x1234 bytes
                9d 01 2a  # start code
                80 42     # width 0x0280 = 640, horizontal scale 1 (5/4)
                e0 01     # height 0x01e0 = 480, no vertical scale
                """);

        assertThat(Vp8PayloadHeader.check(header, 0, header.length)).isEqualTo(Vp8PayloadHeader.KEY_FRAME_LENGTH);
        assertThat(Vp8PayloadHeader.isKeyFrame(header, 0)).isTrue();
        assertThat(Vp8PayloadHeader.version(header, 0)).isEqualTo(2);
        assertThat(Vp8PayloadHeader.showFrame(header, 0)).isTrue();
        assertThat(Vp8PayloadHeader.firstPartitionSize(header, 0)).isEqualTo(0x1234);
        assertThat(Vp8PayloadHeader.width(header, 0)).isEqualTo(640);
        assertThat(Vp8PayloadHeader.horizontalScale(header, 0)).isEqualTo(1);
        assertThat(Vp8PayloadHeader.height(header, 0)).isEqualTo(480);
        assertThat(Vp8PayloadHeader.verticalScale(header, 0)).isZero();
    }

    @Test
    void readsAnInterframeTag() {
        byte[] header = Hex.bytes("""
                ff ff ff  # P=1 (interframe), version 7, shown, first partition 0x7ffff bytes (19 bits)
                """);

        assertThat(Vp8PayloadHeader.check(header, 0, header.length)).isEqualTo(Vp8PayloadHeader.LENGTH);
        assertThat(Vp8PayloadHeader.isKeyFrame(header, 0)).isFalse();
        assertThat(Vp8PayloadHeader.version(header, 0)).isEqualTo(7);
        assertThat(Vp8PayloadHeader.firstPartitionSize(header, 0)).isEqualTo(0x7ffff);
    }

    @Test
    void anInterframeThatIsNotShown() {
        byte[] header = Hex.bytes("01 00 00"); // an alt-ref update: P=1, H=0

        assertThat(Vp8PayloadHeader.showFrame(header, 0)).isFalse();
        assertThat(Vp8PayloadHeader.firstPartitionSize(header, 0)).isZero();
    }

    @Test
    void shortHeadersAndWrongStartCodesAreRefused() {
        byte[] key = Hex.bytes("10 00 00 9d 01 2a 80 02 e0 01");
        byte[] wrongStart = Hex.bytes("10 00 00 9d 01 2b 80 02 e0 01");

        assertThat(Vp8Failure.of(Vp8PayloadHeader.check(key, 0, 9))).isEqualTo(Vp8Failure.TRUNCATED_HEADER);
        assertThat(Vp8Failure.of(Vp8PayloadHeader.check(key, 0, 2))).isEqualTo(Vp8Failure.TRUNCATED_HEADER);
        assertThat(Vp8Failure.of(Vp8PayloadHeader.check(Hex.bytes("11 00"), 0, 2)))
                .isEqualTo(Vp8Failure.TRUNCATED_HEADER);
        assertThat(Vp8Failure.of(Vp8PayloadHeader.check(wrongStart, 0, 10))).isEqualTo(Vp8Failure.BAD_START_CODE);
        assertThat(Vp8Failure.of(Vp8PayloadHeader.check(key, 1, 10))).isEqualTo(Vp8Failure.INVALID_ARGUMENT);
    }
}
