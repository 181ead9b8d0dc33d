package dev.confab.crypto.srtp;

/**
 * Why an SRTP or SRTCP packet was not protected or unprotected. The hot-path methods return a non-negative output
 * length on success and {@link #status()} of one of these on failure, so that dropping a bad packet costs no
 * exception and no allocation; {@link #of(int)} turns such a status back into the reason. Immutable.
 */
public enum SrtpFailure {
    /** Offsets or lengths outside the given arrays, or a null array: a bug in the caller, not bad input. */
    INVALID_ARGUMENT,
    /** Shorter than the fixed header plus the trailer (index and tag) the profile needs. */
    TOO_SHORT,
    /** Not RTP/RTCP version 2, or CSRCs or a header extension that run past the end of the packet. */
    MALFORMED_HEADER,
    /** The P bit is set but the last byte does not count a padding that fits in the payload (RFC 3550 5.1). */
    MALFORMED_PADDING,
    /** The output buffer has no room for the result. */
    BUFFER_TOO_SMALL,
    /** The authentication tag does not match: wrong key, corrupted or forged packet. */
    AUTH_FAILED,
    /** The packet index was already seen (or, when sending, already protected: reusing it would reuse keystream). */
    REPLAYED,
    /** The packet index is older than the replay window remembers. */
    TOO_OLD,
    /** A packet of a new SSRC arrived while the session already holds its limit of SSRC contexts. */
    SSRC_LIMIT,
    /** The sender ran out of indices (2^48 RTP or 2^31 RTCP packets on one SSRC): new keys are needed. */
    INDEX_EXHAUSTED;

    private static final SrtpFailure[] VALUES = values();

    /** The negative status the hot-path methods return for this failure. */
    public int status() {
        return -1 - ordinal();
    }

    /** The failure a negative status stands for; throws if {@code status} is not one (a success is a length). */
    public static SrtpFailure of(int status) {
        int ordinal = -1 - status;
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("not an SRTP failure status: " + status);
        }
        return VALUES[ordinal];
    }
}
