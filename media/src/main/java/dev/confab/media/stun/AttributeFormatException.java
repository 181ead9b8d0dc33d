package dev.confab.media.stun;

/**
 * An attribute value that does not have the form its type requires. Used only inside the decoder, which turns it
 * into a {@link StunDecoding.Failed}; carries no stack trace, so hostile input costs little.
 */
final class AttributeFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    AttributeFormatException(String message) {
        super(message, null, false, false);
    }

    /** Fails unless {@code len} is exactly {@code expected}. */
    static void requireLength(String name, int len, int expected) throws AttributeFormatException {
        if (len != expected) {
            throw new AttributeFormatException(name + " must be " + expected + " bytes, was " + len);
        }
    }
}
