package dev.confab.client.core;

import dev.confab.protocol.ErrorCode;

/**
 * The base of every failure the client core reports to its caller: a server refusal or an unreachable server
 * ({@link dev.confab.client.core.api.ApiException}), an untrusted key change
 * ({@link dev.confab.client.core.keys.UntrustedKeyException}), a missing sign-in or a damaged local store.
 * The message is a sentence meant for people; no subclass expects a caller to read a stack trace.
 *
 * <p>A failure the client decides by itself in the server's terms (a user who is not a contact) carries the
 * {@link ErrorCode} the server would have answered, so callers branch on one set of codes.
 *
 * <p>Immutable once thrown (subclasses add only final state); safe to pass between threads, such as from the
 * client's sync thread to a caller's.
 */
public class ClientException extends RuntimeException {
    private final ErrorCode code;

    public ClientException(String message) {
        this(null, message, null);
    }

    public ClientException(String message, Throwable cause) {
        this(null, message, cause);
    }

    public ClientException(ErrorCode code, String message) {
        this(code, message, null);
    }

    protected ClientException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The protocol error code this failure amounts to, or null when none applies. */
    public ErrorCode code() {
        return code;
    }
}
