package dev.confab.media.sdp;

import java.util.Optional;

/**
 * The {@code a=rtcp} attribute (RFC 3605): the RTCP port and, optionally, address. With rtcp-mux it is a JSEP
 * placeholder ({@code a=rtcp:9 IN IP4 0.0.0.0}). Immutable.
 *
 * @param port    the port
 * @param address the connection address, if given
 */
public record RtcpAddress(int port, Optional<ConnectionData> address) {

    /** Validates the port. */
    public RtcpAddress {
        Tokens.inRange("a=rtcp port", port, 0, 65535);
    }

    static RtcpAddress fromSdpValue(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            return new RtcpAddress(Tokens.integer("a=rtcp port", value, 0, 65535), Optional.empty());
        }
        return new RtcpAddress(Tokens.integer("a=rtcp port", value.substring(0, space), 0, 65535),
                Optional.of(ConnectionData.fromSdpValue(value.substring(space + 1))));
    }

    /** The attribute value. */
    public String toSdpValue() {
        return address.map(a -> port + " " + a.toSdpValue()).orElse(Integer.toString(port));
    }
}
