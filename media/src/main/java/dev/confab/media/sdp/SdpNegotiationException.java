package dev.confab.media.sdp;

import java.util.Objects;

/**
 * A well-formed description that Confab cannot answer or accept, with the {@link Reason} for code and a message for
 * people. Checked, like {@link SdpParseException}: the caller decides what it means for the call.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class SdpNegotiationException extends Exception {

    /** Why the description cannot be negotiated. */
    public enum Reason {
        /** The offer has no media sections. */
        NO_MEDIA,
        /** A media section has no {@code a=mid} (JSEP requires one in every section). */
        NO_MID,
        /** Two media sections have the same {@code a=mid}. */
        DUPLICATE_MID,
        /** An accepted media section has no {@code a=ice-ufrag} or {@code a=ice-pwd}, at media or session level. */
        NO_ICE_CREDENTIALS,
        /** An accepted media section has no {@code sha-256} fingerprint: DTLS-SRTP cannot be authenticated. */
        NO_FINGERPRINT,
        /** An accepted media section has no {@code a=setup}, or one ({@code holdconn}) that allows no answer. */
        INVALID_SETUP,
        /** Every media section had to be rejected: no supported kind, protocol, rtcp-mux or codec was offered. */
        NO_ACCEPTABLE_MEDIA
    }

    private final Reason reason;

    /**
     * A failure with its reason.
     *
     * @param reason  what is wrong, for code
     * @param message what is wrong, for people
     */
    public SdpNegotiationException(Reason reason, String message) {
        super(message + " (" + reason + ")");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What is wrong, for code. */
    public Reason reason() {
        return reason;
    }
}
