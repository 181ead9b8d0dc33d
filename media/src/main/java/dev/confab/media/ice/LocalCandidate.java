package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A candidate this agent gathered (RFC 8445 section 5.1.1): where the peer may send, and the base it is sent from.
 * For a host candidate the address is the base; for a server-reflexive or peer-reflexive one the base is the host
 * socket behind the NAT mapping; for a relayed one the address is the TURN allocation, sent through the base socket
 * that talks to the TURN server. Immutable.
 *
 * @param type       host, srflx, prflx or relay
 * @param address    the transport address the peer sends to
 * @param base       the local socket's address that sends and receives for this candidate
 * @param priority   from {@link CandidatePriority#of}
 * @param foundation equal for candidates of the same type, base IP and server (section 5.1.1.3)
 * @param server     the STUN or TURN server that revealed or made it, for srflx and relay
 */
public record LocalCandidate(CandidateType type, InetSocketAddress address, InetSocketAddress base, long priority,
        String foundation, Optional<InetSocketAddress> server) {

    public LocalCandidate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(server, "server");
        if (address.isUnresolved() || base.isUnresolved()) {
            throw new IllegalArgumentException("local candidate addresses are IP addresses");
        }
    }

    /** A host candidate: the address is its own base. */
    public static LocalCandidate host(InetSocketAddress address, long priority, String foundation) {
        return new LocalCandidate(CandidateType.HOST, address, address, priority, foundation, Optional.empty());
    }

    /**
     * The candidate a pair's checks are sent from (section 6.1.2.4): a server-reflexive candidate is replaced by its
     * base, since a check from it leaves through the same socket as from the host candidate.
     */
    LocalCandidate pairingBase(long hostPriority, String hostFoundation) {
        return type == CandidateType.SRFLX ? host(base, hostPriority, hostFoundation) : this;
    }

    /** Whether sending from this candidate goes through a TURN relay. */
    public boolean relayed() {
        return type == CandidateType.RELAY;
    }
}
