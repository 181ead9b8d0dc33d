package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A candidate of the peer: from its SDP or trickle (after any mDNS name was resolved), or peer reflexive, learned
 * from the source of a check it sent (RFC 8445 section 7.3.1.3). Immutable.
 *
 * @param type       as the peer said; PRFLX if learned from a check
 * @param address    an IP transport address
 * @param priority   as the peer said, or the PRIORITY of the check that revealed it: 1 to 2^31-1 (RFC 8445
 *                   section 5.1.2.1), which keeps pair priorities within a signed long
 * @param foundation as the peer said; a unique value for a peer-reflexive one
 */
public record RemoteCandidate(CandidateType type, InetSocketAddress address, long priority, String foundation) {

    public RemoteCandidate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(foundation, "foundation");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("remote candidate addresses must be resolved first");
        }
        if (priority < 1 || priority > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("candidate priority must be 1 to 2^31-1");
        }
    }
}
