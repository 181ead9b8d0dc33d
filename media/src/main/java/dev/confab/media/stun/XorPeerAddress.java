package dev.confab.media.stun;

import java.net.InetSocketAddress;

/** XOR-PEER-ADDRESS (RFC 8656 section 18.3): a peer's address as the TURN server sees it. Immutable. */
public record XorPeerAddress(InetSocketAddress address) implements AddressAttribute {
    public static final int TYPE = 0x0012;

    public XorPeerAddress {
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

    static XorPeerAddress parse(byte[] buf, int off, int len, TransactionId id) throws AttributeFormatException {
        return new XorPeerAddress(AddressValue.parse("XOR-PEER-ADDRESS", buf, off, len, true, id));
    }
}
