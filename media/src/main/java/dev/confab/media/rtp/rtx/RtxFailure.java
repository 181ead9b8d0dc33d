package dev.confab.media.rtp.rtx;

/**
 * Why a packet was not stored, resent, wrapped as RTX or restored from RTX. The hot-path methods return a
 * non-negative length on success and {@link #status()} of one of these on failure, so that a refused request or a bad
 * packet costs no exception and no allocation; {@link #of(int)} turns such a status back into the reason. Immutable.
 */
public enum RtxFailure {
    /** Offsets or lengths outside the given array, a null array, or a value out of its field's range: a caller bug. */
    INVALID_ARGUMENT,
    /** The bytes are not an RTP packet ({@link dev.confab.media.rtp.RtpPacketReader} refused them). */
    MALFORMED_RTP,
    /** A packet longer than a retransmission buffer slot. */
    TOO_LONG,
    /** The requested sequence number is not held: never sent, or pushed out by newer packets. */
    NOT_STORED,
    /** The requested packet was sent longer ago than the buffer answers for. */
    TOO_OLD,
    /** The requested packet was already resent less than a round trip ago: that copy is likely still on its way. */
    RESENT_RECENTLY,
    /** The packet's payload type has no RTX payload type negotiated for it. */
    NO_RTX_PAYLOAD_TYPE,
    /** An RTX packet arrived on another SSRC than the RTX stream's. */
    WRONG_SSRC,
    /** An RTX packet's payload type is not one negotiated for RTX. */
    UNKNOWN_PAYLOAD_TYPE,
    /** An RTX packet without payload: padding a sender probes bandwidth with, nothing to restore. */
    PADDING_ONLY,
    /** An RTX payload of one byte, too short for the 2-byte original sequence number (RFC 4588 section 4). */
    TOO_SHORT_FOR_OSN,
    /** The output buffer has no room for the packet. */
    BUFFER_TOO_SMALL;

    private static final RtxFailure[] VALUES = values();

    /** The negative status the hot-path methods return for this failure. */
    public int status() {
        return -1 - ordinal();
    }

    /** The failure a negative status stands for; throws if {@code status} is not one (a success is a length). */
    public static RtxFailure of(int status) {
        int ordinal = -1 - status;
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("not an RTX failure status: " + status);
        }
        return VALUES[ordinal];
    }
}
