package dev.confab.media.sdp;

import java.util.List;

/**
 * The {@code o=} line (RFC 8866 section 5.2): {@code <username> <sess-id> <sess-version> <nettype> <addrtype>
 * <unicast-address>}. The session id is kept as text because Confab never computes with a peer's; the version is a
 * number because JSEP increments it on every new offer or answer (RFC 9429 section 5.2.2). Immutable.
 *
 * @param username       {@code -} in JSEP
 * @param sessionId      decimal digits, at most 20 of them
 * @param sessionVersion the version, 0 or more
 * @param netType        {@code IN}
 * @param addressType    {@code IP4} or {@code IP6}
 * @param address        the address; JSEP writes a dummy such as {@code 127.0.0.1}
 */
public record Origin(String username, String sessionId, long sessionVersion, String netType, String addressType,
        String address) {

    /** Validates every field. */
    public Origin {
        Tokens.word("o= username", username);
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 20
                || !sessionId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("o= session id must be at most 20 decimal digits");
        }
        Tokens.inRange("o= session version", sessionVersion, 0, Long.MAX_VALUE);
        Tokens.token("o= network type", netType);
        Tokens.token("o= address type", addressType);
        Tokens.word("o= address", address);
    }

    /** The JSEP origin: {@code - <sessionId> <version> IN IP4 127.0.0.1}. */
    public static Origin jsep(long sessionId, long sessionVersion) {
        return new Origin("-", Long.toString(Tokens.inRange("session id", sessionId, 0, Long.MAX_VALUE)),
                sessionVersion, "IN", "IP4", "127.0.0.1");
    }

    static Origin fromSdpValue(String value) {
        List<String> fields = Tokens.fields("o=", value);
        if (fields.size() != 6) {
            throw new IllegalArgumentException("o= needs 6 fields, not " + fields.size());
        }
        return new Origin(fields.get(0), fields.get(1), Tokens.number("o= session version", fields.get(2), 0,
                Long.MAX_VALUE), fields.get(3), fields.get(4), fields.get(5));
    }

    /** The line's value. */
    public String toSdpValue() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addressType + " " + address;
    }
}
