package dev.confab.media.ice;

/**
 * What a datagram on the one shared flow carries, by its first byte (RFC 7983 section 7, with TURN channels per
 * RFC 8656 section 12): the ICE transport sends each kind to its own handler.
 */
public enum PacketKind {
    /** 0-3: a STUN message (checks, consent, STUN and TURN server traffic). */
    STUN,
    /** 20-63: a DTLS record. */
    DTLS,
    /** 64-79: TURN ChannelData, from a TURN server. */
    TURN_CHANNEL,
    /** 128-191: RTP or RTCP (SRTP and SRTCP). */
    RTP,
    /** Anything else, ZRTP (16-19) included: dropped. */
    UNKNOWN;

    /** The kind of a datagram whose first byte is {@code first}. */
    public static PacketKind of(byte first) {
        int b = first & 0xFF;
        if (b <= 3) {
            return STUN;
        }
        if (b >= 20 && b <= 63) {
            return DTLS;
        }
        if (b >= 64 && b <= 79) {
            return TURN_CHANNEL;
        }
        if (b >= 128 && b <= 191) {
            return RTP;
        }
        return UNKNOWN;
    }
}
