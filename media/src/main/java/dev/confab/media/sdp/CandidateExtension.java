package dev.confab.media.sdp;

import java.util.Set;

/**
 * One {@code <name> <value>} extension of an ICE candidate (RFC 8839 {@code extension-att-name}), kept in order:
 * {@code generation 0}, {@code ufrag abcd}, {@code network-id 1}, {@code network-cost 50}. Immutable.
 *
 * @param name  the extension name, a token other than the ones the grammar gives meaning to
 * @param value its value, visible characters without spaces
 */
public record CandidateExtension(String name, String value) {
    private static final Set<String> MODELLED = Set.of("typ", "raddr", "rport", "tcptype");

    /** Validates both. */
    public CandidateExtension {
        Tokens.token("candidate extension name", name);
        if (MODELLED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a candidate field, not an extension");
        }
        Tokens.word("candidate extension value", value);
    }
}
