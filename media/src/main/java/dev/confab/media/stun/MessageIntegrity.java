package dev.confab.media.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY (RFC 8489 section 14.5): an HMAC-SHA1 of the message up to this attribute. Immutable.
 *
 * @param hmac the 20-byte HMAC
 */
public record MessageIntegrity(byte[] hmac) implements IntegrityAttribute {
    public static final int TYPE = 0x0008;
    /** Length of an HMAC-SHA1. */
    public static final int SIZE = 20;

    public MessageIntegrity {
        if (hmac.length != SIZE) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes");
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

    static MessageIntegrity parse(byte[] buf, int off, int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("MESSAGE-INTEGRITY", len, SIZE);
        return new MessageIntegrity(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegrity other && Arrays.equals(hmac, other.hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
