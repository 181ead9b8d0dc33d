package dev.confab.client.core.events;

import dev.confab.client.core.api.ApiException;
import dev.confab.protocol.ErrorCode;
import java.util.Map;

/**
 * How the event connection reads a failed attempt or a lost connection: which failures end the stream for good
 * (the server refused the session or the protocol) and a sentence for people about the others.
 *
 * <p>Stateless; safe from any thread.
 */
final class ConnectionFailures {
    /** The close code of a connection that a newer connection of the same session replaced. */
    static final int REPLACED = 4001;

    private ConnectionFailures() {}

    /** Why the stream stopped after {@link #REPLACED}, for people. */
    static String replaced() {
        return "Another connection of this session replaced this one (confab runs more than twice on this profile);"
                + " this one stopped. Start it again to take over.";
    }

    /** The refusal that stops the stream for good for this HTTP answer to the upgrade, or null to try again. */
    static ApiException finalRefusal(int httpStatus) {
        return switch (httpStatus) {
            case 401 -> ApiException.server(401, ErrorCode.UNAUTHORIZED.wire(),
                    "Your session is no longer valid (signed out, expired or revoked). Sign in again.", Map.of());
            case 426 -> ApiException.server(426, ErrorCode.UNSUPPORTED_PROTOCOL.wire(),
                    "The server does not speak this client's protocol version; update Confab.", Map.of());
            default -> null;
        };
    }

    /** The server signed this session out ({@code session.revoked}). */
    static ApiException revoked() {
        return ApiException.server(401, ErrorCode.UNAUTHORIZED.wire(),
                "This session was signed out (from another device, by a password change, or the account was deleted).",
                Map.of());
    }

    /** Why an attempt failed or a connection broke, for people. */
    static String describe(Throwable error, int httpStatus) {
        if (httpStatus != 0) {
            return "the server refused the event connection (HTTP " + httpStatus + ")";
        }
        if (error instanceof java.net.ConnectException) {
            return "the server refused the connection (is it running?)";
        }
        if (error instanceof java.net.SocketTimeoutException) {
            return "the server did not answer in time";
        }
        if (error instanceof java.io.EOFException) {
            return "the server closed the connection";
        }
        String message = error == null ? null : error.getMessage();
        return message == null ? (error == null ? "the connection failed" : error.getClass().getSimpleName()) : message;
    }
}
