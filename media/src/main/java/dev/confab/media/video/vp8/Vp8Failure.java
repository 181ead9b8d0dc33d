package dev.confab.media.video.vp8;

/**
 * Why a VP8 RTP payload was not read, written or taken. The hot-path methods return a non-negative value on success
 * and {@link #status()} of one of these on failure, so that dropping a bad packet costs no exception and no
 * allocation; {@link #of(int)} turns such a status back into the reason. Immutable.
 */
public enum Vp8Failure {
    /** Offsets or lengths outside the given array, a null array, or a value out of its field's range: a caller bug. */
    INVALID_ARGUMENT,
    /** The payload descriptor's flags announce more bytes than the payload holds (RFC 7741 section 4.2). */
    TRUNCATED_DESCRIPTOR,
    /** A payload descriptor with no VP8 data after it. */
    NO_DATA,
    /** A frame's first packet is shorter than the VP8 payload header: 3 bytes, 10 for a key frame (section 4.3). */
    TRUNCATED_HEADER,
    /** A key frame whose header lacks the start code 9d 01 2a (RFC 6386 section 9.1). */
    BAD_START_CODE,
    /** A packet carries more VP8 data than the assembler keeps per packet. */
    OVERSIZE,
    /** A packet the assembler already holds. */
    DUPLICATE,
    /** A packet older than what the assembler already handed out or gave up on. */
    LATE,
    /** The output buffer has no room for the payload. */
    BUFFER_TOO_SMALL;

    private static final Vp8Failure[] VALUES = values();

    /** The negative status the hot-path methods return for this failure. */
    public int status() {
        return -1 - ordinal();
    }

    /** The failure a negative status stands for; throws if {@code status} is not one (a success is not negative). */
    public static Vp8Failure of(int status) {
        int ordinal = -1 - status;
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("not a VP8 failure status: " + status);
        }
        return VALUES[ordinal];
    }
}
