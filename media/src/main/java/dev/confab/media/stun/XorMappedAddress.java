package dev.confab.media.stun;

import java.net.InetSocketAddress;

/** XOR-MAPPED-ADDRESS (RFC 8489 section 14.2): the source address the server saw the request come from. Immutable. */
public record XorMappedAddress(InetSocketAddress address) implements AddressAttribute {
    public static final int TYPE = 0x0020;

    public XorMappedAddress {
        AddressValue.require(address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public boolean xored() {
        return true;
    }

    static XorMappedAddress parse(byte[] buf, int off, int len, TransactionId id) throws AttributeFormatException {
        return new XorMappedAddress(AddressValue.parse("XOR-MAPPED-ADDRESS", buf, off, len, true, id));
    }
}
