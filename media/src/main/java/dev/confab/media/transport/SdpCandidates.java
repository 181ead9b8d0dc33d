package dev.confab.media.transport;

import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.ice.RemoteCandidate;
import dev.confab.media.sdp.Candidate;
import dev.confab.media.sdp.CandidateExtension;
import dev.confab.media.sdp.CandidateTransport;
import dev.confab.media.sdp.CandidateType;
import dev.confab.media.sdp.RelatedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Converts between the ICE agent's candidates and their SDP form (RFC 8839 section 5.1). Confab's candidates are UDP,
 * component 1 (rtcp-mux), and name the ufrag of their generation, as Chromium's do. The peer's candidates become
 * {@link RemoteCandidate}s only when they are UDP on component 1 at an IP literal with a usable port and priority;
 * addresses are never looked up. Stateless.
 */
public final class SdpCandidates {
    /** The only component with rtcp-mux. */
    static final int RTP_COMPONENT = 1;

    private SdpCandidates() {
    }

    /**
     * A local candidate as it goes into SDP or trickle: reflexive and relayed candidates name their base as
     * {@code raddr}/{@code rport}.
     *
     * @param credentials the generation the candidate belongs to, written as the {@code ufrag} extension
     */
    public static Candidate toSdp(LocalCandidate candidate, IceCredentials credentials) {
        Optional<RelatedAddress> related = candidate.type() == CandidateType.HOST ? Optional.empty()
                : Optional.of(new RelatedAddress(literal(candidate.base()), candidate.base().getPort()));
        return new Candidate(candidate.foundation(), RTP_COMPONENT, CandidateTransport.UDP, candidate.priority(),
                literal(candidate.address()), candidate.address().getPort(), candidate.type(), related,
                Optional.empty(), List.of(new CandidateExtension(Candidate.UFRAG, credentials.ufrag())));
    }

    /** The peer's candidate for the agent, or why it is skipped. */
    public static CandidateConversion fromSdp(Candidate candidate) {
        if (candidate.transport() != CandidateTransport.UDP) {
            return new CandidateConversion.Skipped(CandidateSkip.TCP);
        }
        if (candidate.component() != RTP_COMPONENT) {
            return new CandidateConversion.Skipped(CandidateSkip.NOT_RTP_COMPONENT);
        }
        if (candidate.isMdnsName()) {
            return new CandidateConversion.Skipped(CandidateSkip.MDNS_NAME);
        }
        if (!isIpLiteral(candidate.address())) {
            return new CandidateConversion.Skipped(CandidateSkip.HOST_NAME);
        }
        Optional<InetAddress> ip = parseLiteral(candidate.address());
        if (ip.isEmpty()) {
            return new CandidateConversion.Skipped(CandidateSkip.MALFORMED_ADDRESS);
        }
        if (candidate.port() == 0) {
            return new CandidateConversion.Skipped(CandidateSkip.PORT_ZERO);
        }
        if (candidate.priority() < 1 || candidate.priority() > Integer.MAX_VALUE) {
            return new CandidateConversion.Skipped(CandidateSkip.PRIORITY_OUT_OF_RANGE);
        }
        InetSocketAddress address = new InetSocketAddress(ip.get(), candidate.port());
        return new CandidateConversion.Usable(new RemoteCandidate(candidate.type(), address, candidate.priority(),
                candidate.foundation()));
    }

    /**
     * Whether a candidate address (already checked by {@link Candidate} to be an IPv4 or IPv6 literal or a host name)
     * is a literal: IPv6 literals have colons, and host names never end in an all-digit label.
     */
    private static boolean isIpLiteral(String address) {
        return address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /**
     * Parses an IP literal without any lookup: IPv4 by hand, IPv6 by {@link InetAddress#getByName}, which treats text
     * with a colon as a literal and refuses what does not parse.
     */
    private static Optional<InetAddress> parseLiteral(String literal) {
        try {
            if (literal.indexOf(':') >= 0) {
                return Optional.of(InetAddress.getByName(literal));
            }
            String[] parts = literal.split("\\.", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3) {
                    return Optional.empty();
                }
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) value;
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address part of a socket address as SDP writes it, without an IPv6 scope. */
    private static String literal(InetSocketAddress address) {
        String text = address.getAddress().getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }
}
