package dev.confab.crypto.dtls;

import dev.confab.crypto.CryptoException;
import java.util.Objects;

/**
 * Why a DTLS association could not be set up or ended badly. Every failure of {@link DtlsEndpoint} arrives as one
 * of these, never as a Bouncy Castle exception: the {@link #reason()} is for code, the message for people and logs.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class DtlsException extends CryptoException {

    /** What went wrong. */
    public enum Reason {
        /** The peer's certificate is not the one whose fingerprint the (signed) SDP announced: a man in the middle. */
        FINGERPRINT_MISMATCH,
        /** The peers share no SRTP protection profile, or the peer negotiated {@code use_srtp} wrongly. */
        NO_COMMON_SRTP_PROFILE,
        /** The handshake did not finish within the configured time; the peer may be gone or the path lossy. */
        HANDSHAKE_TIMEOUT,
        /** The peer sent a fatal alert (it rejected our certificate, had no common cipher suite, ...). */
        PEER_ALERT,
        /** The peer sent records this side rejected: a malformed or unexpected handshake message. */
        PROTOCOL_ERROR,
        /** The datagram link failed or was closed under the association. */
        TRANSPORT_ERROR,
        /** The endpoint was closed locally before the handshake finished. */
        CLOSED,
        /** The SDP {@code a=setup} values do not name one client and one server. */
        INVALID_SETUP
    }

    private final Reason reason;

    /**
     * A failure with its reason.
     *
     * @param reason  what went wrong, for code
     * @param message what went wrong, for people
     */
    public DtlsException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
