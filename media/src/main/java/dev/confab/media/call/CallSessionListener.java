package dev.confab.media.call;

import dev.confab.crypto.dtls.DtlsHandshakeResult;

/**
 * What a {@link CallSession} tells its owner, who carries it over signaling and shows it.
 *
 * <p>Thread contract: called on the session's serial executor, one call at a time; implementations hand signaling
 * work elsewhere and must not call back into the session synchronously except through its public methods, which are
 * safe from here.
 */
public interface CallSessionListener {

    /** A local candidate line ({@code candidate:...}) to trickle to the peer; an empty line ends this generation. */
    default void localCandidate(String candidateLine) {}

    /** The media path's state changed. */
    default void stateChanged(CallMediaState state) {}

    /** DTLS-SRTP is up: media is encrypted; the result holds the short authentication string to compare. */
    default void secured(DtlsHandshakeResult result) {}

    /** The session failed and will send nothing more; the owner ends the call. */
    default void failed(MediaFailure failure, String detail) {}

    /**
     * The session restarted ICE by itself (the path died) and needs this re-offer delivered to the peer, whose answer
     * goes to {@link CallSession#acceptRenegotiationAnswer}.
     */
    default void renegotiationNeeded(String offerSdp) {}
}
