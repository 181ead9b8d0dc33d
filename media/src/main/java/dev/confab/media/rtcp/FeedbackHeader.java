package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;

/**
 * The header shared by RFC 4585 feedback messages (section 6.1): the common header with FMT in the count field, the
 * sender's SSRC and the media source's SSRC, then the feedback control information (FCI). Stateless.
 */
final class FeedbackHeader {
    static final int LENGTH = RtcpHeader.LENGTH + 8;

    private FeedbackHeader() {}

    static void write(byte[] buf, int off, int format, int packetType, int size, int senderSsrc, int mediaSsrc) {
        RtcpHeader.write(buf, off, format, packetType, size);
        BigEndian.put32(buf, off + 4, senderSsrc);
        BigEndian.put32(buf, off + 8, mediaSsrc);
    }

    static int senderSsrc(byte[] buf, int off) {
        return BigEndian.i32(buf, off + 4);
    }

    static int mediaSsrc(byte[] buf, int off) {
        return BigEndian.i32(buf, off + 8);
    }

    /**
     * Checks that the FCI {@code [off + LENGTH, end)} holds at least {@code minimum} bytes and whole entries of
     * {@code entry} bytes (0: any).
     */
    static void requireFci(int off, int end, int minimum, int entry, String what) throws MalformedRtcp {
        int fci = end - off - LENGTH;
        MalformedRtcp.require(fci >= minimum && (entry == 0 || fci % entry == 0), RtcpFailure.MALFORMED_FEEDBACK,
                what + " with " + fci + " bytes of feedback control information");
    }
}
