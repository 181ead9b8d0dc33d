package dev.confab.protocol;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Structural checks used by the compact constructors of wire records, so a body that decodes is complete.
 * Each failure is a {@link ProtocolException} with {@link ErrorCode#INVALID_FIELD} naming the field. Rules
 * that need the server's state (username taken, password policy) are the server's, not these. Stateless and
 * thread-safe.
 */
public final class Fields {
    /** The longest string any identifier field may hold. */
    public static final int MAX_ID_LENGTH = 64;

    private Fields() {}

    /** A required string: present and not blank. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required");
        }
        return value;
    }

    /** A required identifier: present, at most {@value #MAX_ID_LENGTH} characters of [A-Za-z0-9._:-]. */
    public static String id(String value, String field) {
        required(value, field);
        if (value.length() > MAX_ID_LENGTH || !value.chars().allMatch(Fields::isIdChar)) {
            throw invalid(field, field + " must be 1-" + MAX_ID_LENGTH + " characters of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    /** A required string of at most {@code max} characters. */
    public static String bounded(String value, String field, int max) {
        required(value, field);
        return optionalBounded(value, field, max);
    }

    /** An optional string of at most {@code max} characters. */
    public static String optionalBounded(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw invalid(field, field + " must be at most " + max + " characters");
        }
        return value;
    }

    /** A required value of any type. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw invalid(field, field + " is required");
        }
        return value;
    }

    /** A required non-empty list of at most {@code max} elements, none of them null; the copy is immutable. */
    public static <T> List<T> nonEmpty(List<T> value, String field, int max) {
        if (value == null || value.isEmpty()) {
            throw invalid(field, field + " must not be empty");
        }
        return list(value, field, max);
    }

    /** An optional list of at most {@code max} elements, none of them null; absent reads as empty. */
    public static <T> List<T> list(List<T> value, String field, int max) {
        if (value == null) {
            return List.of();
        }
        if (value.size() > max) {
            throw invalid(field, field + " must hold at most " + max + " items");
        }
        if (value.stream().anyMatch(Objects::isNull)) {
            throw invalid(field, field + " must not hold null items");
        }
        return List.copyOf(value);
    }

    /** Required standard base64 (with padding) that decodes to at most {@code maxBytes} bytes. */
    public static String base64(String value, String field, int maxBytes) {
        required(value, field);
        if (value.length() > (maxBytes + 2) / 3 * 4) {
            throw invalid(field, field + " must be at most " + maxBytes + " bytes");
        }
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, field + " must be base64");
        }
        return value;
    }

    /** A number that must not be negative. */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw invalid(field, field + " must not be negative");
        }
        return value;
    }

    /** The exception for a field that breaks a rule, with the field's name in the details. */
    public static ProtocolException invalid(String field, String message) {
        return new ProtocolException(ErrorCode.INVALID_FIELD, message, Map.of("field", field));
    }

    private static boolean isIdChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '-';
    }
}
