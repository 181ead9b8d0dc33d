package dev.confab.media.call;

/**
 * A description from the peer that this call cannot take: it does not parse, lacks what a call needs (ICE
 * credentials, a fingerprint, an audio section with Opus), or comes at the wrong moment. The message says which.
 */
public final class CallNegotiationException extends Exception {
    private static final long serialVersionUID = 1L;

    public CallNegotiationException(String message) {
        super(message);
    }

    public CallNegotiationException(String message, Throwable cause) {
        super(message, cause);
    }
}
