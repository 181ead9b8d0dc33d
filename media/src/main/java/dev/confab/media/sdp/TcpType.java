package dev.confab.media.sdp;

import java.util.Locale;
import java.util.Optional;

/** The {@code tcptype} of a TCP candidate (RFC 6544 section 4.5). */
public enum TcpType {
    /** Opens connections, does not accept them (port 9 in SDP). */
    ACTIVE,
    /** Accepts connections. */
    PASSIVE,
    /** Simultaneous open. */
    SO;

    /** The type named by {@code token}, if it is one of the three. */
    public static Optional<TcpType> fromSdpValue(String token) {
        return Tokens.named(values(), TcpType::sdpValue, token);
    }

    /** {@code active}, {@code passive} or {@code so}. */
    public String sdpValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
