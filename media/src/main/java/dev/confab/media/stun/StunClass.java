package dev.confab.media.stun;

/** The class of a STUN message (RFC 8489 section 5): the two C bits of the message type. Immutable. */
public enum StunClass {
    REQUEST,
    INDICATION,
    SUCCESS_RESPONSE,
    ERROR_RESPONSE;

    private static final StunClass[] VALUES = values();

    /** The class in bits C1 C0 of a 14-bit message type. */
    static StunClass ofType(int type) {
        return VALUES[(type >>> 4 & 1) | (type >>> 7 & 2)];
    }

    /** This class's bits, placed where they go in a message type. */
    int typeBits() {
        return (ordinal() & 1) << 4 | (ordinal() & 2) << 7;
    }

    /** Whether this is one of the two response classes. */
    public boolean isResponse() {
        return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
    }
}
