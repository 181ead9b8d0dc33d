package dev.confab.media.stun;

/**
 * One attribute of a STUN message: a type, a value of {@link #size()} bytes on the wire, padded to four. The family is
 * closed: attributes Confab understands are typed records (grouped by the shape of their value), all others decode
 * to {@link RawAttribute}. Decoding keeps {@link IntegrityAttribute}s and {@link Fingerprint} as they arrived;
 * encoding computes them instead (see {@link StunMessage#encode(IntegrityKey, boolean)}). Implementations are
 * immutable values.
 */
public sealed interface StunAttribute permits AddressAttribute, TextAttribute, IntegrityAttribute, IceRoleAttribute,
        EmptyAttribute, Fingerprint, ErrorCode, UnknownAttributes, Priority, ChannelNumber, Lifetime, Data,
        RequestedTransport, RawAttribute {

    /** The attribute type on the wire. Types below 0x8000 are comprehension-required (RFC 8489 section 14). */
    int type();

    /** Length of the value in bytes, before padding. */
    int size();

    /**
     * Writes the value ({@link #size()} bytes) at {@code off}.
     *
     * @param transactionId the message's id, which the XOR-address attributes mix into their value
     */
    void marshal(byte[] out, int off, TransactionId transactionId);
}
