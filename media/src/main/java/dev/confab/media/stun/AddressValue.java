package dev.confab.media.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The value of the address attributes (RFC 8489 sections 14.1 and 14.2): a reserved byte, the family (1 = IPv4,
 * 2 = IPv6), the port and the address, either plain or XOR-ed with the magic cookie and the transaction id. Stateless.
 */
final class AddressValue {
    private static final int IPV4 = 1;
    private static final int IPV6 = 2;

    private AddressValue() {}

    /** Throws unless {@code address} is a resolved IP address, which is all an attribute can carry. */
    static InetSocketAddress require(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("an address attribute needs an IP address, not a name: " + address);
        }
        return address;
    }

    static int size(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address ? 8 : 20;
    }

    static void marshal(InetSocketAddress address, boolean xor, byte[] out, int off, TransactionId id) {
        byte[] ip = address.getAddress().getAddress();
        out[off] = 0;
        out[off + 1] = (byte) (ip.length == 4 ? IPV4 : IPV6);
        WireBytes.put16(out, off + 2, address.getPort() ^ (xor ? StunMessage.MAGIC_COOKIE >>> 16 : 0));
        System.arraycopy(ip, 0, out, off + 4, ip.length);
        if (xor) {
            xorAddress(out, off + 4, ip.length, id);
        }
    }

    static InetSocketAddress parse(String name, byte[] buf, int off, int len, boolean xor, TransactionId id)
            throws AttributeFormatException {
        if (len < 4) {
            throw new AttributeFormatException(name + " shorter than 4 bytes: " + len);
        }
        int family = WireBytes.u8(buf, off + 1);
        int ipLength = switch (family) {
            case IPV4 -> 4;
            case IPV6 -> 16;
            default -> throw new AttributeFormatException(name + " has unknown address family " + family);
        };
        AttributeFormatException.requireLength(name, len, 4 + ipLength);
        int port = WireBytes.u16(buf, off + 2) ^ (xor ? StunMessage.MAGIC_COOKIE >>> 16 : 0);
        byte[] ip = java.util.Arrays.copyOfRange(buf, off + 4, off + 4 + ipLength);
        if (xor) {
            xorAddress(ip, 0, ipLength, id);
        }
        try {
            // Inet6Address keeps an IPv4-mapped IPv6 address as IPv6, so it encodes back to the same family.
            InetAddress address = ipLength == 4 ? InetAddress.getByAddress(ip) : Inet6Address.getByAddress(null, ip, -1);
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw new AttributeFormatException(name + ": " + e.getMessage()); // not reached: the length is right
        }
    }

    /** XORs an address with the magic cookie followed by the transaction id (RFC 8489 section 14.2). */
    private static void xorAddress(byte[] ip, int at, int length, TransactionId id) {
        byte[] mask = new byte[16];
        WireBytes.put32(mask, 0, StunMessage.MAGIC_COOKIE);
        WireBytes.put64(mask, 4, id.high());
        WireBytes.put32(mask, 12, id.low());
        for (int i = 0; i < length; i++) {
            ip[at + i] ^= mask[i];
        }
    }
}
