package dev.confab.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SDES MID element (RFC 9143 section 15): the media id's ASCII bytes, no terminator. BUNDLE demultiplexing
 * compares bytes with {@link #matches} rather than making a String per packet. Stateless.
 */
public final class MidElement {
    /** The longest mid Confab writes, so that it fits one one-byte element. */
    public static final int MAX_LENGTH = HeaderExtensionProfile.MAX_ONE_BYTE_LENGTH;

    private MidElement() {}

    /** The bytes to write for {@code mid} (1-16 ASCII characters), made once per stream. */
    public static byte[] bytesOf(String mid) {
        byte[] bytes = mid.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length == 0 || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a mid element carries 1-16 bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** Whether the element data {@code buf[at, at + len)} is {@code mid}. */
    public static boolean matches(byte[] buf, int at, int len, byte[] mid) {
        return Arrays.equals(buf, at, at + len, mid, 0, mid.length);
    }
}
