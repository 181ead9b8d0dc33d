package dev.confab.media.stun;

/**
 * ICE-CONTROLLING (RFC 8445 section 16.1): the sender of this check believes it is the controlling agent.
 * Immutable.
 *
 * @param tieBreaker a random 64-bit number
 */
public record IceControlling(long tieBreaker) implements IceRoleAttribute {
    public static final int TYPE = 0x802A;

    @Override
    public int type() {
        return TYPE;
    }

    static IceControlling parse(byte[] buf, int off, int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("ICE-CONTROLLING", len, 8);
        return new IceControlling(WireBytes.i64(buf, off));
    }
}
