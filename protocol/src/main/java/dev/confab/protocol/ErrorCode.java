package dev.confab.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The stable error codes of the REST API and the WebSocket, with the HTTP status each one travels with.
 * Codes are part of the protocol: clients branch on them, so they are never renamed; new ones may be added.
 * Immutable and thread-safe.
 */
public enum ErrorCode {
    BAD_REQUEST("bad_request", 400),
    MALFORMED_JSON("malformed_json", 400),
    INVALID_FIELD("invalid_field", 400),
    UNKNOWN_TYPE("unknown_type", 400),
    INVALID_USERNAME("invalid_username", 400),
    WEAK_PASSWORD("weak_password", 400),
    UNAUTHORIZED("unauthorized", 401),
    WRONG_PASSWORD("wrong_password", 401),
    FORBIDDEN("forbidden", 403),
    NOT_CONTACTS("not_contacts", 403),
    BLOCKED("blocked", 403),
    NOT_FOUND("not_found", 404),
    USER_NOT_FOUND("user_not_found", 404),
    CALL_NOT_FOUND("call_not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    CONFLICT("conflict", 409),
    USERNAME_TAKEN("username_taken", 409),
    ALREADY_CONTACTS("already_contacts", 409),
    REQUEST_EXISTS("request_exists", 409),
    TOO_MANY_DEVICES("too_many_devices", 409),
    INBOX_FULL("inbox_full", 409),
    DEVICE_MISMATCH("device_mismatch", 409),
    IDENTITY_KEY_IMMUTABLE("identity_key_immutable", 409),
    TOO_LARGE("too_large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    UNSUPPORTED_PROTOCOL("unsupported_protocol", 426),
    RATE_LIMITED("rate_limited", 429),
    INTERNAL_ERROR("internal_error", 500),
    UNAVAILABLE("unavailable", 503);

    private final String wire;
    private final int httpStatus;

    ErrorCode(String wire, int httpStatus) {
        this.wire = wire;
        this.httpStatus = httpStatus;
    }

    /** The code as it appears on the wire, such as {@code username_taken}. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The HTTP status a REST response with this code carries. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The code for a wire name, or null for a name this build does not know (a newer server's). */
    @JsonCreator
    public static ErrorCode fromWire(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst().orElse(null);
    }
}
