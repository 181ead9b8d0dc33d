package dev.confab.client.core.api;

import dev.confab.client.core.ClientException;
import dev.confab.protocol.ErrorCode;
import java.util.Map;

/**
 * A REST or WebSocket request that did not succeed: the server refused it ({@link Kind#SERVER}, with the stable
 * {@link ErrorCode}, the server's sentence and details), the server could not be reached ({@link Kind#UNREACHABLE}),
 * or it answered something this client cannot read ({@link Kind#BAD_RESPONSE}). Immutable.
 */
public final class ApiException extends ClientException {
    /** What kind of failure this is. Immutable. */
    public enum Kind {
        /** The server answered with an error body. */
        SERVER,
        /** No answer: connection refused, reset, timed out, or the event connection is down. */
        UNREACHABLE,
        /** The server answered, but not in a shape this client understands. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final ErrorCode code;
    private final String wireCode;
    private final int httpStatus;
    private final transient Map<String, Object> details;

    private ApiException(Kind kind, ErrorCode code, String wireCode, int httpStatus, String message,
            Map<String, Object> details, Throwable cause) {
        super(code, message, cause);
        this.kind = kind;
        this.code = code;
        this.wireCode = wireCode;
        this.httpStatus = httpStatus;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The server refused the request with an error body. */
    public static ApiException server(int httpStatus, String wireCode, String message, Map<String, Object> details) {
        String text = message == null || message.isBlank() ? "The server refused the request (" + wireCode + ")" : message;
        return new ApiException(Kind.SERVER, ErrorCode.fromWire(wireCode), wireCode, httpStatus, text, details, null);
    }

    /** The server could not be reached at {@code where}. */
    public static ApiException unreachable(String where, Throwable cause) {
        return new ApiException(Kind.UNREACHABLE, null, null, 0,
                "Cannot reach the Confab server at " + where + ". Check that it is running and the address is right.",
                Map.of(), cause);
    }

    /** The thread waiting for the server was interrupted (the app is closing what asked): nothing more is known. */
    public static ApiException interrupted(Throwable cause) {
        return new ApiException(Kind.UNREACHABLE, null, null, 0, "The request to the server was stopped.", Map.of(),
                cause);
    }

    /** The event connection is down, so a message that needs it could not be sent. */
    public static ApiException disconnected() {
        return new ApiException(Kind.UNREACHABLE, null, null, 0,
                "Not connected to the server right now; try again once the connection is back.", Map.of(), null);
    }

    /** The server answered something unreadable. */
    public static ApiException badResponse(String message, Throwable cause) {
        return new ApiException(Kind.BAD_RESPONSE, null, null, 0, message, Map.of(), cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable error code, or null when the server did not answer or sent a code this build does not know. */
    @Override
    public ErrorCode code() {
        return code;
    }

    /** The code as the server sent it (also for codes newer than this build), or null. */
    public String wireCode() {
        return wireCode;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's details (a field name, missing devices, a retry delay); empty when none. */
    public Map<String, Object> details() {
        return details;
    }

    /** Whether this is a server refusal with {@code expected}. */
    public boolean is(ErrorCode expected) {
        return code == expected;
    }

    /** Whether the server could not be reached (so the request may be retried later). */
    public boolean unreachable() {
        return kind == Kind.UNREACHABLE;
    }

    /** Seconds the server asked to wait before retrying ({@code rate_limited}), or 0. */
    public long retryAfterSeconds() {
        Object value = details.get("retryAfterSeconds");
        return value instanceof Number n ? n.longValue() : 0;
    }
}
