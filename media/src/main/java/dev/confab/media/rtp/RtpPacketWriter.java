package dev.confab.media.rtp;

/**
 * Builds RTP packets (RFC 3550 section 5.1) into a caller's array, with RFC 8285 header extension elements in the
 * form the negotiated ids need (one-byte unless an id is above 14). A packet is written in order:
 * {@link #begin}, then any {@link #csrc}, then any elements ({@link #mid}, {@link #audioLevel}, {@link #absSendTime},
 * {@link #transportSequence} or {@link #extension}), then the payload at {@link #payloadOffset()} and
 * {@link #finish(int)}. Elements of extensions that were not negotiated (id 0) are left out. The first fault (no
 * room, a value out of range, a CSRC after an element) sticks: later calls do nothing and {@code finish} returns its
 * status. Nothing is allocated.
 *
 * <p>Thread contract: one thread at a time (the stream's send queue); one packet at a time.
 */
public final class RtpPacketWriter {
    private final HeaderExtensionIds ids;
    private final boolean twoByte;
    private byte[] buf;
    private int off;
    private int end;
    private int at;
    private int extensionAt;
    private boolean headerClosed;
    private int failure;

    /** A writer for a stream whose header extensions have {@code ids}. */
    public RtpPacketWriter(HeaderExtensionIds ids) {
        this.ids = ids;
        this.twoByte = ids.needsTwoByteForm();
    }

    /**
     * Starts a packet at {@code buf[off]} with room up to {@code off + capacity}, writing the fixed header (version 2,
     * no padding, no CSRCs yet).
     */
    public RtpPacketWriter begin(byte[] buf, int off, int capacity, int payloadType, boolean marker, int sequence,
            long timestamp, int ssrc) {
        this.buf = buf;
        this.off = off;
        this.at = off;
        this.extensionAt = -1;
        this.headerClosed = false;
        this.failure = 0;
        if (BigEndian.outside(buf, off, capacity) || payloadType < 0 || payloadType > 127
                || sequence < 0 || sequence > 0xffff || timestamp < 0 || timestamp > 0xffff_ffffL) {
            return fail(RtpFailure.INVALID_ARGUMENT);
        }
        this.end = off + capacity;
        if (!room(RtpPacketReader.FIXED_HEADER)) {
            return this;
        }
        buf[off] = (byte) 0x80;
        buf[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        BigEndian.put16(buf, off + 2, sequence);
        BigEndian.put32(buf, off + 4, timestamp);
        BigEndian.put32(buf, off + 8, ssrc);
        at += RtpPacketReader.FIXED_HEADER;
        return this;
    }

    /** Adds a contributing source; before any element, at most 15. */
    public RtpPacketWriter csrc(int csrc) {
        if (failure != 0) {
            return this;
        }
        if (extensionAt >= 0 || headerClosed || (buf[off] & 0x0f) == 15) {
            return fail(RtpFailure.INVALID_ARGUMENT);
        }
        if (room(4)) {
            BigEndian.put32(buf, at, csrc);
            at += 4;
            buf[off]++;
        }
        return this;
    }

    /** Adds the BUNDLE mid element, made by {@link MidElement#bytesOf}, if mid was negotiated. */
    public RtpPacketWriter mid(byte[] mid) {
        return extension(ids.mid(), mid, 0, mid.length);
    }

    /** Adds the RFC 6464 audio level element if negotiated: {@code level} in -dBov, 0-127. */
    public RtpPacketWriter audioLevel(boolean voice, int level) {
        int data = element(ids.audioLevel(), AudioLevel.LENGTH);
        if (data >= 0) {
            buf[data] = AudioLevel.encode(voice, level);
        }
        return this;
    }

    /** Adds the abs-send-time element if negotiated: the 24-bit value of {@link AbsSendTime#fromNanos}. */
    public RtpPacketWriter absSendTime(int value) {
        int data = element(ids.absSendTime(), AbsSendTime.LENGTH);
        if (data >= 0) {
            BigEndian.put24(buf, data, value);
        }
        return this;
    }

    /** Adds the transport-wide sequence number element if negotiated. */
    public RtpPacketWriter transportSequence(int sequence) {
        int data = element(ids.transportSequence(), TransportSequence.LENGTH);
        if (data >= 0) {
            BigEndian.put16(buf, data, sequence);
        }
        return this;
    }

    /** Adds an element {@code id} carrying {@code src[srcOff, srcOff + len)}; nothing if {@code id} is 0. */
    public RtpPacketWriter extension(int id, byte[] src, int srcOff, int len) {
        if (BigEndian.outside(src, srcOff, len)) {
            return fail(RtpFailure.INVALID_ARGUMENT);
        }
        int data = element(id, len);
        if (data >= 0) {
            System.arraycopy(src, srcOff, buf, data, len);
        }
        return this;
    }

    /**
     * Ends the header (padding the extension block to a multiple of 4 bytes) and returns where the payload goes in
     * the array, or a negative status.
     */
    public int payloadOffset() {
        if (failure != 0) {
            return failure;
        }
        if (!headerClosed && extensionAt >= 0) {
            int pad = (4 - (at - extensionAt) % 4) % 4;
            if (!room(pad)) {
                return failure;
            }
            for (int i = 0; i < pad; i++) {
                buf[at++] = 0;
            }
            BigEndian.put16(buf, extensionAt + 2, (at - extensionAt - 4) / 4);
        }
        headerClosed = true;
        return at;
    }

    /**
     * Ends the packet whose payload of {@code payloadLength} bytes the caller wrote (or will write) at
     * {@link #payloadOffset()}. Returns the packet's length, or a negative status that {@link RtpFailure#of(int)}
     * explains.
     */
    public int finish(int payloadLength) {
        int payloadAt = payloadOffset();
        if (payloadAt < 0) {
            return payloadAt;
        }
        if (payloadLength < 0) {
            return fail(RtpFailure.INVALID_ARGUMENT).failure;
        }
        return payloadLength > end - payloadAt ? fail(RtpFailure.BUFFER_TOO_SMALL).failure
                : payloadAt + payloadLength - off;
    }

    /** Copies {@code src[srcOff, srcOff + len)} as the payload and ends the packet, as {@link #finish(int)}. */
    public int finish(byte[] src, int srcOff, int len) {
        int payloadAt = payloadOffset();
        if (payloadAt < 0) {
            return payloadAt;
        }
        if (BigEndian.outside(src, srcOff, len)) {
            return fail(RtpFailure.INVALID_ARGUMENT).failure;
        }
        int length = finish(len);
        if (length >= 0) {
            System.arraycopy(src, srcOff, buf, payloadAt, len);
        }
        return length;
    }

    /** Reserves an element's id/length bytes and data; returns where its data goes, or -1 (skipped or failed). */
    private int element(int id, int len) {
        if (failure != 0 || id == 0) {
            return -1;
        }
        boolean fits = twoByte ? id <= 255 && len <= 255
                : id <= HeaderExtensionProfile.MAX_ONE_BYTE_ID && len >= 1
                        && len <= HeaderExtensionProfile.MAX_ONE_BYTE_LENGTH;
        if (headerClosed || id < 0 || len < 0 || !fits) {
            fail(RtpFailure.INVALID_ARGUMENT);
            return -1;
        }
        if (extensionAt < 0) {
            if (!room(4)) {
                return -1;
            }
            extensionAt = at;
            BigEndian.put16(buf, at, twoByte ? HeaderExtensionProfile.TWO_BYTE : HeaderExtensionProfile.ONE_BYTE);
            at += 4;
            buf[off] |= 0x10;
        }
        int idBytes = twoByte ? 2 : 1;
        if (!room(idBytes + len)) {
            return -1;
        }
        if (twoByte) {
            buf[at] = (byte) id;
            buf[at + 1] = (byte) len;
        } else {
            buf[at] = (byte) (id << 4 | (len - 1));
        }
        at += idBytes + len;
        return at - len;
    }

    private boolean room(int bytes) {
        if (bytes > end - at) {
            fail(RtpFailure.BUFFER_TOO_SMALL);
            return false;
        }
        return true;
    }

    private RtpPacketWriter fail(RtpFailure reason) {
        if (failure == 0) {
            failure = reason.status();
        }
        return this;
    }
}
