package dev.confab.media.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ICE candidate as SDP and trickle ICE carry it (RFC 8839 section 5.1, TCP per RFC 6544):
 * {@code candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> [raddr <a> rport <p>]
 * [tcptype <t>] *(<name> <value>)}. Extensions Confab does not model ({@code generation}, {@code ufrag},
 * {@code network-id}, ...) are kept in order. The address is never resolved; it may be an mDNS name. Immutable.
 *
 * @param foundation 1-32 ice-chars
 * @param component  1-256 (1 is RTP; with rtcp-mux the only one)
 * @param transport  UDP or TCP
 * @param priority   0 to 2^32-1
 * @param address    an IP literal or a host name (such as {@code <uuid>.local})
 * @param port       0-65535 (9 for active TCP)
 * @param type       host, srflx, prflx or relay
 * @param related    {@code raddr}/{@code rport}, if given
 * @param tcpType    the TCP candidate type, only for TCP
 * @param extensions other name/value pairs, in order
 */
public record Candidate(String foundation, int component, CandidateTransport transport, long priority, String address,
        int port, CandidateType type, Optional<RelatedAddress> related, Optional<TcpType> tcpType,
        List<CandidateExtension> extensions) {
    /** The extension naming the ICE generation. */
    public static final String GENERATION = "generation";
    /** The extension naming the ufrag the candidate belongs to. */
    public static final String UFRAG = "ufrag";

    /** Validates and copies. */
    public Candidate {
        Tokens.iceChars("foundation", foundation, 1, 32);
        Tokens.inRange("component", component, 1, 256);
        Tokens.inRange("priority", priority, 0, 0xFFFF_FFFFL);
        CandidateAddress.check("candidate address", address);
        Tokens.inRange("candidate port", port, 0, 65535);
        if (tcpType.isPresent() && transport != CandidateTransport.TCP) {
            throw new IllegalArgumentException("tcptype is only for TCP candidates");
        }
        extensions = List.copyOf(extensions);
    }

    /**
     * Parses {@code a=candidate:...}, {@code candidate:...} (as {@code RTCIceCandidate.candidate} and trickle carry it)
     * or the bare attribute value.
     *
     * @throws SdpParseException with {@link SdpParseException.Reason#BAD_CANDIDATE} if it breaks the grammar, or
     *                           {@link SdpParseException.Reason#UNSUPPORTED_CANDIDATE} for a well-formed candidate of
     *                           another transport or type
     */
    public static Candidate parse(String text) throws SdpParseException {
        return CandidateParser.parse(text);
    }

    /** Whether the address is a host name ending in {@code .local}: an mDNS name to resolve before use. */
    public boolean isMdnsName() {
        return !CandidateAddress.isIpv4(address) && !CandidateAddress.isIpv6(address)
                && address.regionMatches(true, address.length() - 6, ".local", 0, 6);
    }

    /** The first value of extension {@code name}, if present. */
    public Optional<String> extension(String name) {
        return extensions.stream().filter(e -> e.name().equals(name)).map(CandidateExtension::value).findFirst();
    }

    /** The {@code generation} extension, if present and a number. */
    public OptionalInt generation() {
        try {
            Optional<String> value = extension(GENERATION);
            return value.isPresent() ? OptionalInt.of(Tokens.integer(GENERATION, value.get(), 0, Integer.MAX_VALUE))
                    : OptionalInt.empty();
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    /** The {@code ufrag} extension, if present. */
    public Optional<String> ufrag() {
        return extension(UFRAG);
    }

    /** The value after {@code a=candidate:}. */
    public String toSdpValue() {
        StringBuilder out = new StringBuilder(96).append(foundation).append(' ').append(component).append(' ')
                .append(transport.sdpValue()).append(' ').append(priority).append(' ').append(address).append(' ')
                .append(port).append(" typ ").append(type.sdpValue());
        related.ifPresent(r -> out.append(" raddr ").append(r.address()).append(" rport ").append(r.port()));
        tcpType.ifPresent(t -> out.append(" tcptype ").append(t.sdpValue()));
        extensions.forEach(e -> out.append(' ').append(e.name()).append(' ').append(e.value()));
        return out.toString();
    }

    /** {@code candidate:...}, as {@code RTCIceCandidate.candidate} holds it. */
    public String toAttribute() {
        return "candidate:" + toSdpValue();
    }
}
