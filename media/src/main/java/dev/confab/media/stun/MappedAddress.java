package dev.confab.media.stun;

import java.net.InetSocketAddress;

/** MAPPED-ADDRESS (RFC 8489 section 14.1): the reflexive address, as servers from before RFC 5389 send it. Immutable. */
public record MappedAddress(InetSocketAddress address) implements AddressAttribute {
    public static final int TYPE = 0x0001;

    public MappedAddress {
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

    static MappedAddress parse(byte[] buf, int off, int len, TransactionId id) throws AttributeFormatException {
        return new MappedAddress(AddressValue.parse("MAPPED-ADDRESS", buf, off, len, false, id));
    }
}
