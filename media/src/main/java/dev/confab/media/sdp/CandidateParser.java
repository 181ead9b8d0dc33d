package dev.confab.media.sdp;

import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the RFC 8839 candidate grammar into a {@link Candidate}. Stateless. */
final class CandidateParser {
    /** Longest value accepted; what is written back is never longer than what was read. */
    private static final int MAX_CHARS = 1024;
    private static final int FIXED_FIELDS = 8;

    private CandidateParser() {}

    static Candidate parse(String text) throws SdpParseException {
        if (text == null) {
            throw bad("no candidate");
        }
        String value = text.startsWith("a=") ? text.substring(2) : text;
        value = value.startsWith("candidate:") ? value.substring("candidate:".length()) : value;
        if (value.length() > MAX_CHARS) {
            throw bad("a candidate is at most " + MAX_CHARS + " characters after 'candidate:'");
        }
        try {
            return read(Tokens.fields("candidate", value));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static Candidate read(List<String> fields) throws SdpParseException {
        if (fields.size() < FIXED_FIELDS || !fields.get(6).equals("typ")) {
            throw bad("a candidate is <foundation> <component> <transport> <priority> <address> <port> typ <type>");
        }
        if (fields.size() % 2 != 0) {
            throw bad("candidate extensions come in <name> <value> pairs");
        }
        String foundation = fields.get(0);
        int component = Tokens.integer("component", fields.get(1), 1, 256);
        String transportToken = Tokens.token("transport", fields.get(2));
        long priority = Tokens.number("priority", fields.get(3), 0, 0xFFFF_FFFFL);
        String address = fields.get(4);
        int port = Tokens.integer("candidate port", fields.get(5), 0, 65535);
        String typeToken = Tokens.token("candidate type", fields.get(7));

        String relatedAddress = null;
        Integer relatedPort = null;
        Optional<TcpType> tcpType = Optional.empty();
        List<CandidateExtension> extensions = new ArrayList<>();
        for (int i = FIXED_FIELDS; i < fields.size(); i += 2) {
            String name = fields.get(i);
            String fieldValue = fields.get(i + 1);
            switch (name) {
                case "raddr" -> relatedAddress = once(relatedAddress, "raddr", fieldValue);
                case "rport" -> relatedPort = once(relatedPort, "rport",
                        Tokens.integer("rport", fieldValue, 0, 65535));
                case "tcptype" -> tcpType = Optional.of(once(tcpType.orElse(null), "tcptype",
                        TcpType.fromSdpValue(fieldValue).orElseThrow(
                                () -> new IllegalArgumentException("tcptype must be active, passive or so"))));
                case "typ" -> throw bad("'typ' appears twice");
                default -> extensions.add(new CandidateExtension(name, fieldValue));
            }
        }
        if ((relatedAddress == null) != (relatedPort == null)) {
            throw bad("raddr and rport come together");
        }
        Optional<CandidateTransport> transport = CandidateTransport.fromSdpValue(transportToken);
        Optional<CandidateType> type = CandidateType.fromSdpValue(typeToken);
        if (transport.isEmpty() || type.isEmpty()) {
            throw new SdpParseException(Reason.UNSUPPORTED_CANDIDATE, "candidate of transport '" + transportToken
                    + "' and type '" + typeToken + "' (Confab uses UDP/TCP host, srflx, prflx and relay)");
        }
        Optional<RelatedAddress> related = relatedAddress == null ? Optional.empty()
                : Optional.of(new RelatedAddress(relatedAddress, relatedPort));
        return new Candidate(foundation, component, transport.get(), priority, address, port, type.get(), related,
                tcpType, extensions);
    }

    private static <T> T once(T previous, String name, T value) {
        if (previous != null) {
            throw new IllegalArgumentException("'" + name + "' appears twice");
        }
        return value;
    }

    private static SdpParseException bad(String detail) {
        return new SdpParseException(Reason.BAD_CANDIDATE, detail);
    }
}
