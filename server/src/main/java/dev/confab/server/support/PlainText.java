package dev.confab.server.support;

import dev.confab.protocol.Fields;

/**
 * Free text the server stores (display names, device names, request messages): no control characters and no
 * unpaired surrogates, which some databases refuse and terminals misprint. Stateless.
 */
public final class PlainText {
    private PlainText() {}

    /** {@code value} stripped, or {@code invalid_field} naming {@code field}; null stays null. */
    public static String check(String value, String field) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean control = ch < 0x20 || (ch >= 0x7f && ch < 0xa0);
            boolean lone = Character.isHighSurrogate(ch)
                    ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(ch);
            if (control || lone) {
                throw Fields.invalid(field, field + " must not contain control characters");
            }
        }
        return value.strip();
    }
}
