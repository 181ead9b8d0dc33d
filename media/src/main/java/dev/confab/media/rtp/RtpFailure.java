package dev.confab.media.rtp;

/**
 * Why bytes were not read as an RTP packet, or a packet could not be written. The hot-path methods return a
 * non-negative length on success and {@link #status()} of one of these on failure, so that dropping a bad packet costs
 * no exception and no allocation; {@link #of(int)} turns such a status back into the reason. Immutable.
 */
public enum RtpFailure {
    /** Offsets or lengths outside the given array, a null array, or a value out of its field's range: a caller bug. */
    INVALID_ARGUMENT,
    /** Fewer than the 12 bytes of the fixed header. */
    TOO_SHORT,
    /** The version field is not 2. */
    BAD_VERSION,
    /** The CSRC count names more CSRCs than the packet holds. */
    CSRC_OVERRUN,
    /** The X bit is set but the 4-byte extension header (profile and length) does not fit. */
    EXTENSION_HEADER_OVERRUN,
    /** The header extension's length runs past the end of the packet. */
    EXTENSION_OVERRUN,
    /** An RFC 8285 element's id/length byte(s) or data run past the end of the extension block. */
    EXTENSION_ELEMENT_OVERRUN,
    /** The P bit is set but the last byte does not count at least one and at most all payload bytes. */
    PADDING_OVERRUN,
    /** The output buffer has no room for the packet. */
    BUFFER_TOO_SMALL;

    private static final RtpFailure[] VALUES = values();

    /** The negative status the hot-path methods return for this failure. */
    public int status() {
        return -1 - ordinal();
    }

    /** The failure a negative status stands for; throws if {@code status} is not one (a success is a length). */
    public static RtpFailure of(int status) {
        int ordinal = -1 - status;
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("not an RTP failure status: " + status);
        }
        return VALUES[ordinal];
    }
}
