package dev.confab.media.sdp;

import java.util.Locale;
import java.util.Optional;

/** The type of an ICE candidate (RFC 8445 section 5.1.1, RFC 8839 {@code cand-type}). */
public enum CandidateType {
    /** An address of a local interface (or its mDNS name). */
    HOST,
    /** Server reflexive: the address a STUN server saw. */
    SRFLX,
    /** Peer reflexive: learned from a connectivity check. */
    PRFLX,
    /** A TURN relay address. */
    RELAY;

    /** The type named by {@code token}, if it is one of the four. */
    public static Optional<CandidateType> fromSdpValue(String token) {
        return Tokens.named(values(), CandidateType::sdpValue, token);
    }

    /** {@code host}, {@code srflx}, {@code prflx} or {@code relay}. */
    public String sdpValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
