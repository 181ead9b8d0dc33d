package dev.confab.server.ws;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ProtocolVersion;
import java.util.List;
import java.util.Map;

/**
 * What a WebSocket upgrade offers in {@code Sec-WebSocket-Protocol}. A browser page cannot set headers on its
 * {@code new WebSocket(url, protocols)}, so it names the protocol version as the subprotocol {@value #CURRENT} and
 * carries its session token as {@code confab.bearer.<token>} (tokens are base64url, which are HTTP token characters
 * as subprotocols must be). The server selects {@value #CURRENT}, the only entry it ever echoes: never the token.
 * Immutable.
 *
 * @param offered every subprotocol offered, in order; empty when the header is absent (the CLI, the desktop app)
 */
record BrowserSubprotocols(List<String> offered) {
    /** The subprotocol of this protocol version, which the server selects. */
    static final String CURRENT = "confab.v" + ProtocolVersion.CURRENT;
    /** The prefix of the subprotocol entry that carries the session token. */
    static final String BEARER_PREFIX = "confab.bearer.";

    BrowserSubprotocols {
        offered = List.copyOf(offered);
    }

    /**
     * The subprotocol to select, if any was offered. An offer without {@value #CURRENT} is
     * {@code 426 unsupported_protocol}: a browser fails a handshake whose answer selects none of its offers.
     */
    String selected() {
        if (offered.isEmpty()) {
            return null;
        }
        if (!offered.contains(CURRENT)) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_PROTOCOL, "This server speaks Confab protocol "
                    + ProtocolVersion.CURRENT + ": offer the WebSocket subprotocol " + CURRENT,
                    Map.of("supported", ProtocolVersion.CURRENT));
        }
        return CURRENT;
    }

    /**
     * The session token of the one {@code confab.bearer.} entry (possibly empty, which then fails authentication as
     * a bad token does), or {@code null} when there is none. More than one, or one beside an {@code Authorization}
     * header, is {@code 400 bad_request}: a request carries its token once (RFC 6750 section 2).
     */
    String bearerToken(boolean hasAuthorizationHeader) {
        List<String> bearers = offered.stream().filter(p -> p.startsWith(BEARER_PREFIX)).toList();
        if (bearers.isEmpty()) {
            return null;
        }
        if (bearers.size() > 1 || hasAuthorizationHeader) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "Send the session token once: in the Authorization"
                    + " header or in one " + BEARER_PREFIX + " subprotocol");
        }
        return bearers.getFirst().substring(BEARER_PREFIX.length());
    }
}
