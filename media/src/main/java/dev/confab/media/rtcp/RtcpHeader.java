package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;

/** The common RTCP header (RFC 3550 6.4.1): V=2, P, a 5-bit count or format, packet type, length in words - 1. */
final class RtcpHeader {
    static final int LENGTH = 4;
    static final int SENDER_REPORT = 200;
    static final int RECEIVER_REPORT = 201;
    static final int SOURCE_DESCRIPTION = 202;
    static final int GOODBYE = 203;
    /** Transport-layer feedback (RFC 4585 6.2). */
    static final int RTPFB = 205;
    /** Payload-specific feedback (RFC 4585 6.3). */
    static final int PSFB = 206;

    private RtcpHeader() {}

    /** Writes a header for a packet of {@code size} bytes (a multiple of 4) without padding. */
    static void write(byte[] buf, int off, int countOrFormat, int packetType, int size) {
        buf[off] = (byte) (0x80 | countOrFormat);
        buf[off + 1] = (byte) packetType;
        BigEndian.put16(buf, off + 2, size / 4 - 1);
    }

    /** {@code bytes} rounded up to a multiple of 4. */
    static int padded(int bytes) {
        return (bytes + 3) & ~3;
    }
}
