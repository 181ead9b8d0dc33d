package dev.confab.media.stun;

import java.net.InetSocketAddress;

/** The attributes whose value is a transport address, plain or XOR-ed (RFC 8489 sections 14.1 and 14.2). Immutable. */
public sealed interface AddressAttribute extends StunAttribute
        permits MappedAddress, XorMappedAddress, AlternateServer, XorPeerAddress, XorRelayedAddress {

    /** The IPv4 or IPv6 address and port. */
    InetSocketAddress address();

    /** Whether the address travels XOR-ed with the magic cookie and transaction id. */
    boolean xored();

    @Override
    default int size() {
        return AddressValue.size(address());
    }

    @Override
    default void marshal(byte[] out, int off, TransactionId transactionId) {
        AddressValue.marshal(address(), xored(), out, off, transactionId);
    }
}
