package dev.confab.media.stun;

/** Why bytes did not decode as a STUN message (RFC 8489 sections 5, 14 and 14.7). Immutable. */
public enum StunDecodeFailure {
    /** Fewer than the 20 bytes of a header. */
    TOO_SHORT,
    /** The first two bits are not zero: some other protocol sharing the port (RFC 7983). */
    NOT_STUN,
    /** The header's length is not a multiple of four or does not match the datagram. */
    BAD_LENGTH,
    /** The magic cookie is not 0x2112A442: an RFC 3489 message or another protocol. */
    BAD_COOKIE,
    /** An attribute's header, value or padding runs past the end of the message. */
    TRUNCATED_ATTRIBUTE,
    /** An attribute Confab knows has a value of the wrong length or form. */
    BAD_ATTRIBUTE,
    /** FINGERPRINT is present and does not match the message. */
    BAD_FINGERPRINT
}
