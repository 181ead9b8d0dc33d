package dev.confab.media.stun;

/**
 * FINGERPRINT (RFC 8489 section 14.7): the CRC-32 of the message up to this attribute, XOR-ed with 0x5354554e, as
 * received. The decoder checks it; encoding computes it (see {@link StunMessage#encode(IntegrityKey, boolean)}) and
 * ignores any instance in the attribute list. Immutable.
 *
 * @param value the 32-bit value on the wire
 */
public record Fingerprint(int value) implements StunAttribute {
    public static final int TYPE = 0x8028;
    /** What the CRC-32 is XOR-ed with, so that a fingerprint tells STUN from other protocols that carry CRCs. */
    public static final int XOR = 0x5354554e;

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int size() {
        return 4;
    }

    @Override
    public void marshal(byte[] out, int off, TransactionId transactionId) {
        WireBytes.put32(out, off, value);
    }

    static Fingerprint parse(byte[] buf, int off, int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("FINGERPRINT", len, 4);
        return new Fingerprint(WireBytes.i32(buf, off));
    }

    @Override
    public String toString() {
        return String.format("Fingerprint[0x%08x]", value);
    }
}
