package dev.confab.media.stun;

import java.net.InetSocketAddress;

/** XOR-RELAYED-ADDRESS (RFC 8656 section 18.5): the relayed transport address the TURN server allocated. Immutable. */
public record XorRelayedAddress(InetSocketAddress address) implements AddressAttribute {
    public static final int TYPE = 0x0016;

    public XorRelayedAddress {
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

    static XorRelayedAddress parse(byte[] buf, int off, int len, TransactionId id) throws AttributeFormatException {
        return new XorRelayedAddress(AddressValue.parse("XOR-RELAYED-ADDRESS", buf, off, len, true, id));
    }
}
