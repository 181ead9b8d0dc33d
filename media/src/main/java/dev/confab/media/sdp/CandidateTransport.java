package dev.confab.media.sdp;

import java.util.Locale;
import java.util.Optional;

/** The transport of an ICE candidate: UDP (RFC 8839) or TCP (RFC 6544). Written in lower case, as Chromium does. */
public enum CandidateTransport {
    /** UDP. */
    UDP,
    /** TCP, with a {@link TcpType}. */
    TCP;

    /** The transport named by {@code token}, case-insensitively, if Confab knows it. */
    public static Optional<CandidateTransport> fromSdpValue(String token) {
        return Tokens.named(values(), CandidateTransport::sdpValue, token.toLowerCase(Locale.ROOT));
    }

    /** {@code udp} or {@code tcp}. */
    public String sdpValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
