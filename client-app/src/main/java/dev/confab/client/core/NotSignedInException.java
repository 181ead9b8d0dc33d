package dev.confab.client.core;

/**
 * The operation needs a signed-in profile and this one has no session (never signed in, or signed out). Immutable once
 * thrown; safe to pass between threads.
 */
public final class NotSignedInException extends ClientException {
    public NotSignedInException() {
        super("Not signed in. Sign in with 'login <username>' or create an account with 'register <username>'.");
    }

    public NotSignedInException(String message) {
        super(message);
    }
}
