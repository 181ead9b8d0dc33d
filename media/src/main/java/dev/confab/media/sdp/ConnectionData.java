package dev.confab.media.sdp;

import java.util.List;

/**
 * A {@code c=} line (RFC 8866 section 5.7), also the address part of {@code a=rtcp}: {@code IN IP4 0.0.0.0}.
 * The address is kept as written (it may carry {@code /ttl} for multicast). Immutable.
 *
 * @param netType     {@code IN}
 * @param addressType {@code IP4} or {@code IP6}
 * @param address     the connection address
 */
public record ConnectionData(String netType, String addressType, String address) {
    /** {@code IN IP4 0.0.0.0}, the JSEP placeholder before a default candidate is known. */
    public static final ConnectionData UNSPECIFIED_IP4 = new ConnectionData("IN", "IP4", "0.0.0.0");

    /** Validates every field. */
    public ConnectionData {
        Tokens.token("network type", netType);
        Tokens.token("address type", addressType);
        Tokens.word("connection address", address);
    }

    static ConnectionData fromSdpValue(String value) {
        List<String> fields = Tokens.fields("connection data", value);
        if (fields.size() != 3) {
            throw new IllegalArgumentException("connection data needs 3 fields: <nettype> <addrtype> <address>");
        }
        return new ConnectionData(fields.get(0), fields.get(1), fields.get(2));
    }

    /** The line's value. */
    public String toSdpValue() {
        return netType + " " + addressType + " " + address;
    }
}
