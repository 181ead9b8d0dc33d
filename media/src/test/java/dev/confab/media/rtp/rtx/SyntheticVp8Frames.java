package dev.confab.media.rtp.rtx;

import dev.confab.media.video.vp8.Vp8PayloadHeader;
import java.util.random.RandomGenerator;

/**
 * Encoded VP8 frames as the RTP layer sees them, for tests: a valid payload header (the frame tag of RFC 6386 section
 * 9.1, for a key frame the start code and a 640x480 size), then seeded random bytes no decoder would take.
 */
final class SyntheticVp8Frames {
    private SyntheticVp8Frames() {}

    static byte[] frame(boolean key, int length, RandomGenerator random) {
        byte[] frame = new byte[length];
        random.nextBytes(frame);
        int header = key ? Vp8PayloadHeader.KEY_FRAME_LENGTH : Vp8PayloadHeader.LENGTH;
        int tag = (key ? 0 : 1) | 0x10 | (length - header) << 5; // version 0, shown, first partition the rest
        byte[] keyHeader = {(byte) tag, (byte) (tag >> 8), (byte) (tag >> 16), (byte) 0x9d, 0x01, 0x2a,
            (byte) 0x80, 0x02, (byte) 0xe0, 0x01};
        System.arraycopy(keyHeader, 0, frame, 0, header);
        return frame;
    }
}
