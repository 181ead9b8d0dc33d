package dev.confab.media.stun;

/**
 * The result of {@link StunMessage#decode}: a message, or why the bytes are not one. Decoding returns this instead of
 * throwing, so that a receive loop drops and counts bad datagrams at no cost beyond a small object. Immutable.
 */
public sealed interface StunDecoding {

    /** The bytes were a well-formed message whose FINGERPRINT, if any, matched. */
    record Decoded(StunMessage message) implements StunDecoding {}

    /**
     * The bytes were not a well-formed message.
     *
     * @param reason the kind of fault, for counters
     * @param detail a sentence for a log saying where and what
     */
    record Failed(StunDecodeFailure reason, String detail) implements StunDecoding {}
}
