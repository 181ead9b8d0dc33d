package dev.confab.media.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 section 14.6): an HMAC-SHA256 of the message up to this attribute, possibly
 * truncated to 16 to 32 bytes in steps of four. Immutable.
 *
 * @param hmac the HMAC, 16 to 32 bytes, a multiple of four
 */
public record MessageIntegritySha256(byte[] hmac) implements IntegrityAttribute {
    public static final int TYPE = 0x001C;
    /** Length of an untruncated HMAC-SHA256, which Confab sends. */
    public static final int SIZE = 32;

    public MessageIntegritySha256 {
        if (!validLength(hmac.length)) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 is 16 to 32 bytes, a multiple of 4");
        }
        hmac = hmac.clone();
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return TYPE;
    }

    static MessageIntegritySha256 parse(byte[] buf, int off, int len) throws AttributeFormatException {
        if (!validLength(len)) {
            throw new AttributeFormatException("MESSAGE-INTEGRITY-SHA256 must be 16 to 32 bytes in steps of 4, was " + len);
        }
        return new MessageIntegritySha256(Arrays.copyOfRange(buf, off, off + len));
    }

    private static boolean validLength(int length) {
        return length >= 16 && length <= SIZE && length % 4 == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegritySha256 other && Arrays.equals(hmac, other.hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
