package dev.confab.media.stun;

/**
 * MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256 as received (RFC 8489 sections 14.5 and 14.6). Check them with
 * {@link StunMessage#verifyIntegrity}; when encoding, {@link StunMessage#encode(IntegrityKey, boolean)} computes the
 * one its key signs with and ignores any instance in the attribute list. Immutable.
 */
public sealed interface IntegrityAttribute extends StunAttribute permits MessageIntegrity, MessageIntegritySha256 {

    /** The HMAC as on the wire (a copy). */
    byte[] hmac();

    @Override
    default int size() {
        return hmac().length;
    }

    @Override
    default void marshal(byte[] out, int off, TransactionId transactionId) {
        byte[] hmac = hmac();
        System.arraycopy(hmac, 0, out, off, hmac.length);
    }
}
