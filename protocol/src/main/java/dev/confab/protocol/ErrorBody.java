package dev.confab.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every REST error response: a stable {@code code}, a human-readable {@code message} meant for
 * people (clients may show it), and optional machine-readable {@code details} (a field name, a retry delay,
 * a list of devices).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String code, String message, Map<String, Object> details) {
    public ErrorBody {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.wire(), message, Map.of());
    }

    public static ErrorBody of(ProtocolException e) {
        return new ErrorBody(e.code().wire(), e.getMessage(), e.details());
    }
}
