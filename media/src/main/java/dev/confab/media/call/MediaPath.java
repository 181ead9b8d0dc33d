package dev.confab.media.call;

import dev.confab.media.ice.CandidatePair;
import dev.confab.media.sdp.CandidateType;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The candidate pair a call's media goes over, as its statistics show it: which local socket sends, of what type, and
 * where to. A server-reflexive local candidate shows as its host base (ICE sends from the base). Immutable.
 *
 * @param localType     the local candidate's type: host (also for srflx) or relay
 * @param localAddress  the local socket (the base), or the TURN allocation for a relayed candidate
 * @param remoteType    the peer's candidate's type: host, srflx, prflx or relay
 * @param remoteAddress where media is sent
 * @param sincePeerAnswered how long ago the peer last answered a consent check over this pair (RFC 7675); a path
 *                      silent for a few seconds is taken as broken and the call reconnects
 */
public record MediaPath(CandidateType localType, InetSocketAddress localAddress, CandidateType remoteType,
        InetSocketAddress remoteAddress, Duration sincePeerAnswered) {

    static MediaPath of(CandidatePair pair, Duration sincePeerAnswered) {
        return new MediaPath(pair.local().type(), pair.local().address(), pair.remote().type(), pair.remote().address(),
                sincePeerAnswered);
    }

    /** Whether either side sends through a TURN relay. */
    public boolean relayed() {
        return localType == CandidateType.RELAY || remoteType == CandidateType.RELAY;
    }

    @Override
    public String toString() {
        return localType.sdpValue() + " " + localAddress.getAddress().getHostAddress() + ":" + localAddress.getPort()
                + " -> " + remoteType.sdpValue() + " " + remoteAddress.getAddress().getHostAddress() + ":"
                + remoteAddress.getPort();
    }
}
