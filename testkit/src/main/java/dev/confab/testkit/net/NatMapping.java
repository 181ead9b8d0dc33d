package dev.confab.testkit.net;

/**
 * How a lab NAT router picks the public port for a private host's UDP flow. Both kinds filter the same way, as
 * Linux conntrack does: a datagram from outside is let in only if it comes from the exact address and port the
 * private side sent to ("address and port dependent filtering", RFC 4787 section 5), so an unsolicited datagram never
 * reaches the private host.
 */
public enum NatMapping {
    /**
     * Plain {@code iptables -j MASQUERADE}: Linux keeps the private source port when it is free and reuses one
     * mapping for every destination ("endpoint-independent mapping", RFC 4787 section 4.1), so a server-reflexive
     * candidate learned from a STUN server also works towards the peer. This is a port-restricted cone NAT: two peers
     * behind such NATs reach each other by sending to the addresses the server saw (hole punching).
     */
    ENDPOINT_INDEPENDENT,

    /**
     * {@code MASQUERADE --random}: a random public port for every destination address and port ("address and port
     * dependent mapping", a symmetric NAT). A server-reflexive candidate is then useless towards the peer, and only
     * peer-reflexive candidates or a TURN relay get through.
     */
    ADDRESS_AND_PORT_DEPENDENT
}
