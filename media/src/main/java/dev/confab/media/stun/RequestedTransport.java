package dev.confab.media.stun;

/**
 * REQUESTED-TRANSPORT (RFC 8656 section 18.7): the IP protocol an Allocate request wants relayed. Immutable.
 *
 * @param protocol the IP protocol number, 17 for UDP
 */
public record RequestedTransport(int protocol) implements StunAttribute {
    public static final int TYPE = 0x0019;
    /** UDP, the transport TURN relays over. */
    public static final RequestedTransport UDP = new RequestedTransport(17);

    public RequestedTransport {
        if (protocol < 0 || protocol > 0xff) {
            throw new IllegalArgumentException("an IP protocol number has 8 bits: " + protocol);
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
        out[off] = (byte) protocol;
        out[off + 1] = 0;
        WireBytes.put16(out, off + 2, 0);
    }

    static RequestedTransport parse(byte[] buf, int off, int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("REQUESTED-TRANSPORT", len, 4);
        return new RequestedTransport(WireBytes.u8(buf, off));
    }
}
