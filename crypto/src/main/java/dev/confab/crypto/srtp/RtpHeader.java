package dev.confab.crypto.srtp;

/**
 * What SRTP needs of an RTP header (RFC 3550 section 5.1): its length, which covers the CSRCs and any header
 * extension (RFC 8285), as those stay in the clear but authenticated; its SSRC and sequence number; and whether
 * its padding count is sane. Reads only, never throws for bad bytes. Stateless.
 */
final class RtpHeader {
    static final int FIXED = 12;

    private RtpHeader() {}

    /**
     * The header length of the RTP packet {@code buf[off, off + len)}, or the status of {@link SrtpFailure#TOO_SHORT}
     * or {@link SrtpFailure#MALFORMED_HEADER}.
     */
    static int length(byte[] buf, int off, int len) {
        if (len < FIXED) {
            return SrtpFailure.TOO_SHORT.status();
        }
        int first = buf[off] & 0xff;
        if (first >>> 6 != 2) {
            return SrtpFailure.MALFORMED_HEADER.status();
        }
        int header = FIXED + 4 * (first & 0x0f);
        if ((first & 0x10) != 0) {
            if (header + 4 > len) {
                return SrtpFailure.MALFORMED_HEADER.status();
            }
            header += 4 + 4 * Bytes.getShort(buf, off + header + 2);
        }
        return header > len ? SrtpFailure.MALFORMED_HEADER.status() : header;
    }

    static int ssrc(byte[] buf, int off) {
        return Bytes.getInt(buf, off + 8);
    }

    static int sequence(byte[] buf, int off) {
        return Bytes.getShort(buf, off + 2);
    }

    /** Whether the plain packet's padding, if its P bit is set, counts at least one and at most all payload bytes. */
    static boolean paddingFits(byte[] buf, int off, int headerLength, int len) {
        if ((buf[off] & 0x20) == 0) {
            return true;
        }
        int count = buf[off + len - 1] & 0xff;
        return len > headerLength && count >= 1 && count <= len - headerLength;
    }
}
