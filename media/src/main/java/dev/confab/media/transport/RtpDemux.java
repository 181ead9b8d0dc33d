package dev.confab.media.transport;

/** Tells RTCP from RTP on one flow (RFC 5761 section 4): RTCP packet types 192-223 sit where RTP has M + PT. */
final class RtpDemux {

    private RtpDemux() {
    }

    /** Whether the packet starting at {@code off} (at least 2 bytes) is RTCP. */
    static boolean isRtcp(byte[] buf, int off) {
        int type = buf[off + 1] & 0xFF;
        return type >= 192 && type <= 223;
    }
}
