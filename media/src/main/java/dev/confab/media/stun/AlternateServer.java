package dev.confab.media.stun;

import java.net.InetSocketAddress;

/** ALTERNATE-SERVER (RFC 8489 section 14.15): where a 300 (Try Alternate) response sends the client. Immutable. */
public record AlternateServer(InetSocketAddress address) implements AddressAttribute {
    public static final int TYPE = 0x8023;

    public AlternateServer {
        AddressValue.require(address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public boolean xored() {
        return false;
    }

    static AlternateServer parse(byte[] buf, int off, int len, TransactionId id) throws AttributeFormatException {
        return new AlternateServer(AddressValue.parse("ALTERNATE-SERVER", buf, off, len, false, id));
    }
}
