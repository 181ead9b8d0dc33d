package dev.confab.protocol;

import java.util.Map;

/**
 * A request that breaks the protocol or a rule of the server, carrying the stable {@link ErrorCode} to answer
 * with, a message for people, and optional details. Thrown by the codec and by validating constructors of
 * wire records; the server turns it into an {@link ErrorBody}, the client into a typed failure. Immutable (its
 * details are an unmodifiable copy), so it may be handed between threads.
 */
public final class ProtocolException extends RuntimeException {
    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ProtocolException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
