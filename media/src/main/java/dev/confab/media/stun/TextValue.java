package dev.confab.media.stun;

import java.nio.charset.StandardCharsets;

/** The UTF-8 text values of USERNAME, REALM, NONCE, SOFTWARE and ERROR-CODE's reason phrase. Stateless. */
final class TextValue {
    /** USERNAME: "less than 513 bytes" (RFC 8489 section 14.3). */
    static final int USERNAME_MAX_BYTES = 513;
    /** REALM, NONCE, SOFTWARE and reason phrases: less than 128 characters, at most 763 bytes (RFC 8489 section 14). */
    static final int TEXT_MAX_BYTES = 763;

    private TextValue() {}

    /** The UTF-8 bytes of {@code text}; throws if there are more than {@code maxBytes}. */
    static byte[] encode(String name, String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(name + " longer than " + maxBytes + " bytes");
        }
        return bytes;
    }

    /**
     * The text in {@code len} bytes at {@code off}; malformed UTF-8 becomes U+FFFD. Fails if the text, as it would be
     * encoded again, has more than {@code maxBytes} bytes (a U+FFFD takes three), so the record accepts it.
     */
    static String decode(String name, byte[] buf, int off, int len, int maxBytes) throws AttributeFormatException {
        String text = len > maxBytes ? null : new String(buf, off, len, StandardCharsets.UTF_8);
        if (text == null || text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new AttributeFormatException(name + " longer than " + maxBytes + " bytes");
        }
        return text;
    }
}
