package dev.confab.media.rtcp;

import java.nio.charset.StandardCharsets;

/**
 * One SDES item (RFC 3550 6.5): a type and up to 255 bytes of UTF-8 text. Immutable.
 *
 * @param type 1-255: {@link #CNAME}, NAME, EMAIL, ... (8, PRIV, keeps its prefix inside the text)
 * @param text the value
 */
public record SdesItem(int type, String text) {
    /** The canonical end-point identifier, the one item every compound carries. */
    public static final int CNAME = 1;

    /** Checks the type and the text's encoded length. */
    public SdesItem {
        if (type < 1 || type > 255 || encoded(text).length > 255) {
            throw new IllegalArgumentException("SDES items have a type 1-255 and at most 255 bytes of text");
        }
    }

    byte[] encoded() {
        return encoded(text);
    }

    private static byte[] encoded(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
