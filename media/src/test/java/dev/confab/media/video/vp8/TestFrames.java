package dev.confab.media.video.vp8;

import java.util.Random;

/**
 * Synthetic VP8 frames for tests: a valid payload header (RFC 6386 section 9.1 frame tag; for key frames the start
 * code and a size) followed by seeded random bytes. A decoder would reject them; the RTP layer only reads the header.
 */
final class TestFrames {
    private TestFrames() {}

    /** A key frame of {@code length} bytes (at least 10) showing a {@code width} x {@code height} picture. */
    static byte[] keyFrame(int length, int width, int height, Random random) {
        byte[] frame = random(length, random);
        tag(frame, true, length - Vp8PayloadHeader.KEY_FRAME_LENGTH);
        frame[3] = (byte) 0x9d;
        frame[4] = 0x01;
        frame[5] = 0x2a;
        frame[6] = (byte) width;
        frame[7] = (byte) (width >> 8);
        frame[8] = (byte) height;
        frame[9] = (byte) (height >> 8);
        return frame;
    }

    /** An interframe of {@code length} bytes (at least 3). */
    static byte[] interFrame(int length, Random random) {
        byte[] frame = random(length, random);
        tag(frame, false, length - Vp8PayloadHeader.LENGTH);
        return frame;
    }

    /** Writes the 3-byte frame tag: version 0, shown, the first partition as long as {@code partition}. */
    private static void tag(byte[] frame, boolean key, int partition) {
        int tag = (key ? 0 : 1) | 1 << 4 | partition << 5;
        frame[0] = (byte) tag;
        frame[1] = (byte) (tag >> 8);
        frame[2] = (byte) (tag >> 16);
    }

    private static byte[] random(int length, Random random) {
        byte[] frame = new byte[length];
        random.nextBytes(frame);
        return frame;
    }
}
