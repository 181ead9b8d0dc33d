package dev.confab.media.ice;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * How far an IP address reaches, from narrowest to widest: loopback, link-local, a private network (RFC 1918, shared
 * address space RFC 6598, unique local RFC 4193), the Internet. A TURN server relays from its relayed address: a peer
 * address of a narrower scope than that, or one that is no unicast address at all, is one it has no route to — and
 * coturn drops the whole allocation when a relayed datagram cannot be sent (see {@link #reachableFrom}). Immutable.
 */
enum AddressScope {
    /** Unspecified, multicast or broadcast: no candidate's address. */
    NOT_UNICAST,
    LOOPBACK,
    LINK_LOCAL,
    PRIVATE,
    GLOBAL;

    static AddressScope of(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || isLimitedBroadcast(address)) {
            return NOT_UNICAST;
        }
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (address.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        return address.isSiteLocalAddress() || isSharedOrUniqueLocal(address) ? PRIVATE : GLOBAL;
    }

    /**
     * Whether a relay whose relayed address has scope {@code relay} can send to an address of this scope: a global
     * one always, a narrower one only from the same scope (a TURN server on a private network reaches that network,
     * one on the Internet does not reach anybody's LAN).
     */
    boolean reachableFrom(AddressScope relay) {
        return this == GLOBAL || (this != NOT_UNICAST && this == relay);
    }

    private static boolean isLimitedBroadcast(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        for (byte b : address.getAddress()) {
            if (b != (byte) 0xff) {
                return false;
            }
        }
        return true;
    }

    /** 100.64.0.0/10 (carrier-grade NAT) or fc00::/7 (unique local). */
    private static boolean isSharedOrUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 0x40;
        }
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }
}
