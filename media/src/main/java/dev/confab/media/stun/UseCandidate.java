package dev.confab.media.stun;

/** USE-CANDIDATE (RFC 8445 section 16.1): the controlling agent nominates the pair this check is sent on. Immutable. */
public record UseCandidate() implements EmptyAttribute {
    public static final int TYPE = 0x0025;

    @Override
    public int type() {
        return TYPE;
    }

    static UseCandidate parse(int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("USE-CANDIDATE", len, 0);
        return new UseCandidate();
    }
}
