package dev.confab.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The character classes of the SDP grammar (RFC 8866 section 9, RFC 8839 section 5.1) as checks. Records call them in
 * their constructors, so a model that exists can always be written and read back; a failed check is an
 * {@link IllegalArgumentException} whose message the parser turns into an {@link SdpParseException}. Stateless.
 */
final class Tokens {
    private Tokens() {}

    /** An RFC 8866 {@code token}: one or more of {@code !#$%&'*+-.0-9A-Z^_`a-z{|}~}. */
    static String token(String what, String value) {
        nonEmpty(what, value);
        for (int i = 0; i < value.length(); i++) {
            if (!isTokenChar(value.charAt(i))) {
                throw new IllegalArgumentException(what + " must be a token, but holds '" + shown(value.charAt(i)) + "'");
            }
        }
        return value;
    }

    /** RFC 8839 {@code ice-char}s ({@code ALPHA / DIGIT / "+" / "/"}), between {@code min} and {@code max} of them. */
    static String iceChars(String what, String value, int min, int max) {
        if (value == null || value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(what + " must be " + min + " to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAlphaNumeric(c) || c == '+' || c == '/')) {
                throw new IllegalArgumentException(what + " may hold only letters, digits, '+' and '/', not '"
                        + shown(c) + "'");
            }
        }
        return value;
    }

    /** Visible characters without spaces: an address, a URI, a candidate extension value. */
    static String word(String what, String value) {
        nonEmpty(what, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException(what + " must not hold spaces or control characters");
            }
        }
        return value;
    }

    /** An RFC 8866 {@code byte-string} or empty: any text without NUL, CR or LF. */
    static String text(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + " must not hold NUL, CR or LF");
            }
        }
        return value;
    }

    /** A decimal number of at most 18 digits (no sign) between {@code min} and {@code max}. */
    static long number(String what, String digits, long min, long max) {
        if (digits == null || digits.isEmpty() || digits.length() > 18) {
            throw new IllegalArgumentException(what + " must be a decimal number");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(what + " must be a decimal number, not '" + shorten(digits) + "'");
            }
            value = value * 10 + (c - '0');
        }
        return inRange(what, value, min, max);
    }

    /** {@code value} if it lies in {@code [min, max]}. */
    static long inRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** {@link #number} narrowed to an int. */
    static int integer(String what, String digits, int min, int max) {
        return (int) number(what, digits, min, max);
    }

    /** Splits on single spaces; two spaces in a row or a space at either end are an error. */
    static List<String> fields(String what, String value) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        while (true) {
            int space = value.indexOf(' ', start);
            String field = space < 0 ? value.substring(start) : value.substring(start, space);
            if (field.isEmpty()) {
                throw new IllegalArgumentException(what + " must be fields separated by single spaces");
            }
            fields.add(field);
            if (space < 0) {
                return fields;
            }
            start = space + 1;
        }
    }

    /** The constant of an enum whose SDP spelling, as {@code spelling} gives it, is {@code token}. */
    static <E extends Enum<E>> Optional<E> named(E[] values, Function<E, String> spelling, String token) {
        for (E value : values) {
            if (spelling.apply(value).equals(token)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code c} is an RFC 8866 {@code token-char}. */
    static boolean isTokenChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2a || c == 0x2b || c == 0x2d || c == 0x2e
                || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x5e && c <= 0x7e);
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static void nonEmpty(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    private static String shown(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
