package dev.confab.media.rtp;

/**
 * A reusable view of one RTP packet (RFC 3550 section 5.1) in a caller's array: {@link #wrap} validates the header,
 * CSRCs, header extension (and its RFC 8285 elements) and padding, then the accessors read fields straight from the
 * bytes. Nothing is copied or allocated; bad bytes give a status, never an exception. After a failed {@code wrap}
 * the accessors are meaningless.
 *
 * <p>Thread contract: one thread at a time (the stream's receive queue); the caller must not change the bytes while
 * it reads them through this view.
 */
public final class RtpPacketReader {
    /** The fixed header's length. */
    public static final int FIXED_HEADER = 12;

    private final ExtensionElements elements = new ExtensionElements();
    private byte[] buf;
    private int off;
    private int len;
    private int extensionAt = -1;
    private int payloadOffset;
    private int payloadLength;

    /**
     * Views {@code buf[off, off + len)} as an RTP packet. Returns the payload length (padding removed, may be 0) or a
     * negative status that {@link RtpFailure#of(int)} explains.
     */
    public int wrap(byte[] buf, int off, int len) {
        this.buf = null;
        if (BigEndian.outside(buf, off, len)) {
            return RtpFailure.INVALID_ARGUMENT.status();
        }
        if (len < FIXED_HEADER) {
            return RtpFailure.TOO_SHORT.status();
        }
        int first = buf[off] & 0xff;
        if (first >>> 6 != 2) {
            return RtpFailure.BAD_VERSION.status();
        }
        int header = FIXED_HEADER + 4 * (first & 0x0f);
        if (header > len) {
            return RtpFailure.CSRC_OVERRUN.status();
        }
        int extension = -1;
        if ((first & 0x10) != 0) {
            if (header + 4 > len) {
                return RtpFailure.EXTENSION_HEADER_OVERRUN.status();
            }
            extension = header;
            header += 4 + 4 * BigEndian.u16(buf, off + header + 2);
            if (header > len) {
                return RtpFailure.EXTENSION_OVERRUN.status();
            }
            int profile = BigEndian.u16(buf, off + extension);
            boolean listed = HeaderExtensionProfile.isOneByte(profile) || HeaderExtensionProfile.isTwoByte(profile);
            int valid = listed ? ExtensionElements.validate(buf, off + extension + 4, off + header,
                    HeaderExtensionProfile.isTwoByte(profile)) : 0;
            if (valid < 0) {
                return valid;
            }
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            padding = len > header ? buf[off + len - 1] & 0xff : 0;
            if (padding == 0 || padding > len - header) {
                return RtpFailure.PADDING_OVERRUN.status();
            }
        }
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.extensionAt = extension;
        this.payloadOffset = off + header;
        this.payloadLength = len - header - padding;
        return payloadLength;
    }

    /** The array of the wrapped packet. */
    public byte[] array() {
        return buf;
    }

    /** Where the packet starts in {@link #array()}. */
    public int offset() {
        return off;
    }

    /** The whole packet's length, header and padding included. */
    public int length() {
        return len;
    }

    /** Always 2 for a packet that wrapped. */
    public int version() {
        return (buf[off] & 0xff) >>> 6;
    }

    public boolean padding() {
        return (buf[off] & 0x20) != 0;
    }

    public boolean marker() {
        return (buf[off + 1] & 0x80) != 0;
    }

    /** 0-127. */
    public int payloadType() {
        return buf[off + 1] & 0x7f;
    }

    /** 0-65535. */
    public int sequenceNumber() {
        return BigEndian.u16(buf, off + 2);
    }

    /** 0 to 2^32 - 1. */
    public long timestamp() {
        return BigEndian.u32(buf, off + 4);
    }

    public int ssrc() {
        return BigEndian.i32(buf, off + 8);
    }

    /** 0-15. */
    public int csrcCount() {
        return buf[off] & 0x0f;
    }

    /** The CSRC at {@code index}, 0 to {@link #csrcCount()} - 1. */
    public int csrc(int index) {
        return BigEndian.i32(buf, off + FIXED_HEADER + 4 * index);
    }

    /** Whether the packet has a header extension (X bit). */
    public boolean hasExtension() {
        return extensionAt >= 0;
    }

    /** The extension's "defined by profile" field (see {@link HeaderExtensionProfile}), or -1 without one. */
    public int extensionProfile() {
        return extensionAt < 0 ? -1 : BigEndian.u16(buf, off + extensionAt);
    }

    /**
     * The cursor over this packet's RFC 8285 elements, rewound to the first. It finds none when there is no extension
     * or its profile is neither one-byte nor two-byte.
     */
    public ExtensionElements extensions() {
        int profile = extensionProfile();
        boolean twoByte = HeaderExtensionProfile.isTwoByte(profile);
        if (twoByte || HeaderExtensionProfile.isOneByte(profile)) {
            elements.reset(buf, off + extensionAt + 4, payloadOffset, twoByte);
        } else {
            elements.reset(buf, 0, 0, false);
        }
        return elements;
    }

    /** Where the payload starts in {@link #array()}. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** The payload's length, without padding. */
    public int payloadLength() {
        return payloadLength;
    }

    /** The header's length: fixed part, CSRCs and extension. */
    public int headerLength() {
        return payloadOffset - off;
    }
}
