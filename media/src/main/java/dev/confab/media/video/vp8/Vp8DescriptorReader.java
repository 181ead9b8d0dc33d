package dev.confab.media.video.vp8;

import dev.confab.media.rtp.BigEndian;

/**
 * A reusable view of the VP8 payload descriptor (RFC 7741 section 4.2) at the start of an RTP payload:
 * {@link #wrap} checks that every byte its flags announce is there, then the accessors give the fields. Reserved bits
 * are ignored, as the RFC asks of receivers, and so is an L bit without the T bit. Nothing is copied or allocated; bad
 * bytes give a status, never an exception. After a failed {@code wrap} the accessors are meaningless.
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |X|R|N|S|R| PID | (required)
 *      +-+-+-+-+-+-+-+-+
 *   X: |I|L|T|K| RSV   | (present when X)
 *      +-+-+-+-+-+-+-+-+
 *   I: |M| PictureID   | (present when I; with M, a second byte makes it 15 bits)
 *      +-+-+-+-+-+-+-+-+
 *   L: |   TL0PICIDX   | (present when L)
 *      +-+-+-+-+-+-+-+-+
 * T/K: |TID|Y| KEYIDX  | (present when T or K)
 *      +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Thread contract: one thread at a time (the stream's receive queue); the caller must not change the bytes while
 * it reads them through this view.
 */
public final class Vp8DescriptorReader {
    /** The longest descriptor: the required byte, the extension byte, two PictureID bytes, TL0PICIDX and T/K. */
    public static final int MAX_LENGTH = 6;
    /** An absent optional field. */
    public static final int ABSENT = -1;

    private int first;
    private int length;
    private int pictureId;
    private boolean longPictureId;
    private int tl0PicIdx;
    private int temporalId;
    private boolean layerSync;
    private int keyIndex;

    /**
     * Views the descriptor at the start of {@code buf[off, off + len)}, an RTP payload. Returns the descriptor's
     * length, 1 to {@value #MAX_LENGTH} (the VP8 data follows it), or a negative status that
     * {@link Vp8Failure#of(int)} explains.
     */
    public int wrap(byte[] buf, int off, int len) {
        length = 0;
        if (BigEndian.outside(buf, off, len)) {
            return Vp8Failure.INVALID_ARGUMENT.status();
        }
        if (len < 1) {
            return Vp8Failure.TRUNCATED_DESCRIPTOR.status();
        }
        pictureId = ABSENT;
        longPictureId = false;
        tl0PicIdx = ABSENT;
        temporalId = ABSENT;
        layerSync = false;
        keyIndex = ABSENT;
        int at = 1;
        if ((buf[off] & 0x80) != 0) {
            if (len < 2) {
                return Vp8Failure.TRUNCATED_DESCRIPTOR.status();
            }
            int extension = buf[off + 1] & 0xff;
            at = 2;
            if ((extension & 0x80) != 0) {
                longPictureId = at < len && (buf[off + at] & 0x80) != 0;
                int bytes = longPictureId ? 2 : 1;
                if (at + bytes > len) {
                    return Vp8Failure.TRUNCATED_DESCRIPTOR.status();
                }
                pictureId = longPictureId ? BigEndian.u16(buf, off + at) & 0x7fff : buf[off + at] & 0x7f;
                at += bytes;
            }
            if ((extension & 0x40) != 0) {
                if (at >= len) {
                    return Vp8Failure.TRUNCATED_DESCRIPTOR.status();
                }
                tl0PicIdx = buf[off + at++] & 0xff;
            }
            if ((extension & 0x30) != 0) {
                if (at >= len) {
                    return Vp8Failure.TRUNCATED_DESCRIPTOR.status();
                }
                int tk = buf[off + at++] & 0xff;
                if ((extension & 0x20) != 0) {
                    temporalId = tk >>> 6;
                    layerSync = (tk & 0x20) != 0;
                }
                if ((extension & 0x10) != 0) {
                    keyIndex = tk & 0x1f;
                }
            }
        }
        first = buf[off] & 0xff;
        length = at;
        return at;
    }

    /** The descriptor's length in bytes. */
    public int length() {
        return length;
    }

    /** X: whether the extension byte is present. */
    public boolean extended() {
        return (first & 0x80) != 0;
    }

    /** N: the frame can be discarded without affecting any other frame. */
    public boolean nonReference() {
        return (first & 0x20) != 0;
    }

    /** S: the packet starts a VP8 partition. */
    public boolean startOfPartition() {
        return (first & 0x10) != 0;
    }

    /** PID: the partition the packet's first byte belongs to, 0-7. */
    public int partitionIndex() {
        return first & 0x07;
    }

    /** S with PID 0: the packet starts a frame, so the VP8 payload header (section 4.3) follows the descriptor. */
    public boolean startsFrame() {
        return (first & 0x17) == 0x10;
    }

    /** The PictureID, 7 or 15 bits, or {@link #ABSENT}. */
    public int pictureId() {
        return pictureId;
    }

    /** M: whether the PictureID has 15 bits. */
    public boolean longPictureId() {
        return longPictureId;
    }

    /** TL0PICIDX, 0-255, or {@link #ABSENT}. */
    public int tl0PicIdx() {
        return tl0PicIdx;
    }

    /** TID, 0-3, or {@link #ABSENT} without the T bit. */
    public int temporalId() {
        return temporalId;
    }

    /** Y: the frame depends only on the base layer's frames (meaningful with the T bit only). */
    public boolean layerSync() {
        return layerSync;
    }

    /** KEYIDX, 0-31, or {@link #ABSENT} without the K bit. */
    public int keyIndex() {
        return keyIndex;
    }
}
