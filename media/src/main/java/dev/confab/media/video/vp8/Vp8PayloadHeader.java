package dev.confab.media.video.vp8;

import dev.confab.media.rtp.BigEndian;

/**
 * The VP8 payload header (RFC 7741 section 4.3): the first bytes of a frame, which are the frame tag of RFC 6386
 * section 9.1, and for a key frame the start code and the picture's size. Read in Java so that a receiver knows a key
 * frame without the decoder. The frame tag is three bytes, little-endian:
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |Size0|H| VER |P|   P: 0 for a key frame; VER: version; H: show_frame
 * +-+-+-+-+-+-+-+-+
 * |     Size1     |   first partition size = Size0 + 8 * Size1 + 2048 * Size2
 * +-+-+-+-+-+-+-+-+
 * |     Size2     |
 * +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * A key frame goes on with 9d 01 2a and two little-endian 16-bit fields, each a 14-bit size (width, then height)
 * under a 2-bit scale. The accessors read the bytes as they are: call {@link #check} first. Stateless.
 */
public final class Vp8PayloadHeader {
    /** The frame tag's length, all an interframe's header has. */
    public static final int LENGTH = 3;
    /** A key frame's header: frame tag, start code, width and height. */
    public static final int KEY_FRAME_LENGTH = 10;
    private static final int START_CODE = 0x9d012a;

    private Vp8PayloadHeader() {}

    /**
     * Checks the header at the start of {@code buf[off, off + len)}, a frame's first bytes. Returns the header's
     * length ({@value #LENGTH}, or {@value #KEY_FRAME_LENGTH} for a key frame) or a negative status:
     * {@link Vp8Failure#TRUNCATED_HEADER}, {@link Vp8Failure#BAD_START_CODE} or {@link Vp8Failure#INVALID_ARGUMENT}.
     */
    public static int check(byte[] buf, int off, int len) {
        if (BigEndian.outside(buf, off, len)) {
            return Vp8Failure.INVALID_ARGUMENT.status();
        }
        if (len < LENGTH || (isKeyFrame(buf, off) && len < KEY_FRAME_LENGTH)) {
            return Vp8Failure.TRUNCATED_HEADER.status();
        }
        if (!isKeyFrame(buf, off)) {
            return LENGTH;
        }
        return BigEndian.u24(buf, off + 3) == START_CODE ? KEY_FRAME_LENGTH : Vp8Failure.BAD_START_CODE.status();
    }

    /** P is 0: the frame is a key frame, decodable by itself. */
    public static boolean isKeyFrame(byte[] buf, int off) {
        return (buf[off] & 0x01) == 0;
    }

    /** VER, 0-3 for the profiles RFC 6386 defines. */
    public static int version(byte[] buf, int off) {
        return (buf[off] >> 1) & 0x07;
    }

    /** H: whether the decoder shows the frame. */
    public static boolean showFrame(byte[] buf, int off) {
        return (buf[off] & 0x10) != 0;
    }

    /** The first partition's size in bytes, 19 bits. */
    public static int firstPartitionSize(byte[] buf, int off) {
        return (buf[off] & 0xff) >>> 5 | (buf[off + 1] & 0xff) << 3 | (buf[off + 2] & 0xff) << 11;
    }

    /** A key frame's width in pixels, 14 bits. */
    public static int width(byte[] buf, int off) {
        return littleEndian16(buf, off + 6) & 0x3fff;
    }

    /** A key frame's horizontal upscaling code, 0-3 (none, 5/4, 5/3, 2). */
    public static int horizontalScale(byte[] buf, int off) {
        return littleEndian16(buf, off + 6) >>> 14;
    }

    /** A key frame's height in pixels, 14 bits. */
    public static int height(byte[] buf, int off) {
        return littleEndian16(buf, off + 8) & 0x3fff;
    }

    /** A key frame's vertical upscaling code, 0-3. */
    public static int verticalScale(byte[] buf, int off) {
        return littleEndian16(buf, off + 8) >>> 14;
    }

    private static int littleEndian16(byte[] buf, int at) {
        return (buf[at] & 0xff) | (buf[at + 1] & 0xff) << 8;
    }
}
