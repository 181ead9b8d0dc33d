package dev.confab.media.turn;

import dev.confab.media.stun.ErrorCode;
import java.util.Optional;

/** A TURN request that failed, with the kind of failure and the server's error code if it sent one. Immutable. */
public final class TurnException extends Exception {
    private static final long serialVersionUID = 1L;

    private final TurnFailure failure;
    private final transient ErrorCode errorCode;

    TurnException(TurnFailure failure, String message, ErrorCode errorCode, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.errorCode = errorCode;
    }

    TurnException(TurnFailure failure, String message) {
        this(failure, message, null, null);
    }

    /** The kind of failure. */
    public TurnFailure failure() {
        return failure;
    }

    /** The ERROR-CODE of the server's error response, if the failure was one. */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The TurnException a failed future carries, unwrapped; anything else wrapped as {@link TurnFailure#BAD_RESPONSE}. */
    static TurnException of(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof TurnException e ? e
                : new TurnException(TurnFailure.BAD_RESPONSE, cause.toString(), null, cause);
    }

    /** The failure an error code stands for. */
    static TurnFailure ofErrorCode(int code) {
        return switch (code) {
            case ErrorCode.UNAUTHENTICATED, ErrorCode.WRONG_CREDENTIALS -> TurnFailure.UNAUTHORIZED;
            case ErrorCode.STALE_NONCE -> TurnFailure.STALE_NONCE;
            case ErrorCode.ALLOCATION_MISMATCH -> TurnFailure.ALLOCATION_MISMATCH;
            case ErrorCode.ALLOCATION_QUOTA_REACHED, ErrorCode.INSUFFICIENT_CAPACITY -> TurnFailure.NO_CAPACITY;
            case ErrorCode.FORBIDDEN -> TurnFailure.FORBIDDEN;
            default -> TurnFailure.ERROR_RESPONSE;
        };
    }
}
