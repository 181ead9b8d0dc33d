package dev.confab.media.stun;

/**
 * PRIORITY (RFC 8445 section 16.1): the priority a peer-reflexive candidate learned from this check would get.
 * Immutable.
 *
 * @param priority an unsigned 32-bit value
 */
public record Priority(long priority) implements StunAttribute {
    public static final int TYPE = 0x0024;

    public Priority {
        if (priority < 0 || priority > 0xffff_ffffL) {
            throw new IllegalArgumentException("PRIORITY is an unsigned 32-bit value: " + priority);
        }
    }

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
        WireBytes.put32(out, off, priority);
    }

    static Priority parse(byte[] buf, int off, int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("PRIORITY", len, 4);
        return new Priority(WireBytes.u32(buf, off));
    }
}
