package dev.confab.media.rtcp;

/** Why bytes did not parse as a (compound) RTCP packet, or a packet could not be written. Immutable. */
public enum RtcpFailure {
    /** Offsets or lengths outside the given array, or a null array: a bug in the caller, not bad input. */
    INVALID_ARGUMENT,
    /** Empty, or fewer than the 4 bytes of a packet header left. */
    TOO_SHORT,
    /** A packet's version field is not 2. */
    BAD_VERSION,
    /** A packet's length field runs past the end of the datagram. */
    BAD_LENGTH,
    /** A packet's P bit is set but its last byte does not count at least one and at most all of its body. */
    PADDING_OVERRUN,
    /** A sender or receiver report is shorter than its fixed part and its report count's blocks. */
    REPORT_OVERRUN,
    /** An SDES chunk or item runs past its packet, or a chunk has no terminating null item. */
    MALFORMED_SDES,
    /** A BYE's sources or reason run past its packet. */
    MALFORMED_BYE,
    /** A feedback message is shorter than its SSRCs, or its feedback control information has the wrong size. */
    MALFORMED_FEEDBACK,
    /** A transport-cc message's chunks or receive deltas run past it, count no packet, or use the reserved symbol. */
    MALFORMED_TRANSPORT_CC,
    /** The output buffer has no room for the packet. */
    BUFFER_TOO_SMALL;

    private static final RtcpFailure[] VALUES = values();

    /** The negative status the writers return for this failure. */
    public int status() {
        return -1 - ordinal();
    }

    /** The failure a negative status stands for; throws if {@code status} is not one (a success is a length). */
    public static RtcpFailure of(int status) {
        int ordinal = -1 - status;
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("not an RTCP failure status: " + status);
        }
        return VALUES[ordinal];
    }
}
