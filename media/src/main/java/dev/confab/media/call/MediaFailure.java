package dev.confab.media.call;

/** Why a call's media path failed, for the end-of-call reason. */
public enum MediaFailure {
    /** No candidate pair worked: the networks of the two sides cannot reach each other (not even through a relay). */
    NO_PATH,
    /** The path broke and no new one was found within the reconnect time. */
    PATH_LOST,
    /** DTLS failed: the peer's certificate did not match its signed fingerprint, or no SRTP profile was shared. */
    HANDSHAKE_FAILED
}
