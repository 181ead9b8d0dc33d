package dev.confab.media.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attribute Confab does not interpret, kept as its type and raw value so that nothing received is lost and a
 * caller can report unknown comprehension-required types (below 0x8000) in a 420 response. Immutable.
 *
 * @param type  the 16-bit attribute type
 * @param value the value, without padding
 */
public record RawAttribute(int type, byte[] value) implements StunAttribute {

    public RawAttribute {
        if (type < 0 || type > 0xffff || value.length > 0xffff) {
            throw new IllegalArgumentException("an attribute has a 16-bit type and at most 65535 bytes");
        }
        value = value.clone();
    }

    /** A copy of the value. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Whether an agent that does not know this type must refuse the message (RFC 8489 section 14). */
    public boolean comprehensionRequired() {
        return type < 0x8000;
    }

    @Override
    public int size() {
        return value.length;
    }

    @Override
    public void marshal(byte[] out, int off, TransactionId transactionId) {
        System.arraycopy(value, 0, out, off, value.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttribute other && type == other.type && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("RawAttribute[0x%04x: %s]", type, HexFormat.of().formatHex(value));
    }
}
