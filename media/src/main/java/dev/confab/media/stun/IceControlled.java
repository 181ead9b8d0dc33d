package dev.confab.media.stun;

/**
 * ICE-CONTROLLED (RFC 8445 section 16.1): the sender of this check believes it is the controlled agent.
 * Immutable.
 *
 * @param tieBreaker a random 64-bit number
 */
public record IceControlled(long tieBreaker) implements IceRoleAttribute {
    public static final int TYPE = 0x8029;

    @Override
    public int type() {
        return TYPE;
    }

    static IceControlled parse(byte[] buf, int off, int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("ICE-CONTROLLED", len, 8);
        return new IceControlled(WireBytes.i64(buf, off));
    }
}
