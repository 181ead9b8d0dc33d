package dev.confab.media.audio.opus;

/**
 * Why an Opus call failed: libopus's error codes (opus_defines.h), which the hot-path methods return as they are (a
 * negative status) so that a bad packet costs no exception and no allocation; {@link #of(int)} names one. Immutable.
 */
public enum OpusError {
    /** An argument out of range: offsets or lengths outside the arrays, a frame size the codec does not take. */
    BAD_ARG(-1),
    /** The output buffer has no room for the result (a packet, or the samples a packet decodes to). */
    BUFFER_TOO_SMALL(-2),
    /** libopus failed internally. */
    INTERNAL_ERROR(-3),
    /** The packet is corrupted or not Opus (RFC 6716 section 3 rules broken). */
    INVALID_PACKET(-4),
    /** The request is not implemented by this libopus. */
    UNIMPLEMENTED(-5),
    /** The encoder or decoder state is invalid or already freed. */
    INVALID_STATE(-6),
    /** Memory allocation failed. */
    ALLOC_FAIL(-7);

    private final int status;

    OpusError(int status) {
        this.status = status;
    }

    /** The negative status libopus and the hot-path methods return for this error. */
    public int status() {
        return status;
    }

    /** The error a negative status stands for; throws if {@code status} is not one (a success is a count). */
    public static OpusError of(int status) {
        for (OpusError error : values()) {
            if (error.status == status) {
                return error;
            }
        }
        throw new IllegalArgumentException("not an Opus error status: " + status);
    }
}
