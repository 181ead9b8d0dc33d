package dev.confab.media.video.codec;

/**
 * Reads the uncompressed start of a VP8 frame (RFC 6386 section 9.1): the 3-byte frame tag, and for a keyframe the
 * start code 9d 01 2a and the 14-bit width and height. Stateless and thread-safe; never reads outside the range.
 */
public final class Vp8FrameHeader {
    /** Frame tag, start code, width, height. */
    public static final int KEYFRAME_HEADER_BYTES = 10;

    private Vp8FrameHeader() {}

    /** True when {@code frame[off, off + len)} starts as a keyframe does: key bit clear and the start code there. */
    public static boolean isKeyframe(byte[] frame, int off, int len) {
        return len >= KEYFRAME_HEADER_BYTES && (frame[off] & 1) == 0 && (frame[off + 3] & 0xff) == 0x9d
                && (frame[off + 4] & 0xff) == 0x01 && (frame[off + 5] & 0xff) == 0x2a;
    }

    /** The width a keyframe codes (its 14 low bits; the top 2 are a scaling hint). Only for {@link #isKeyframe}. */
    public static int keyframeWidth(byte[] frame, int off) {
        return ((frame[off + 6] & 0xff) | (frame[off + 7] & 0xff) << 8) & 0x3fff;
    }

    /** The height a keyframe codes. Only for {@link #isKeyframe}. */
    public static int keyframeHeight(byte[] frame, int off) {
        return ((frame[off + 8] & 0xff) | (frame[off + 9] & 0xff) << 8) & 0x3fff;
    }
}
