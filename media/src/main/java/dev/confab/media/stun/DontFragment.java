package dev.confab.media.stun;

/** DONT-FRAGMENT (RFC 8656 section 18.8): asks the TURN server to set DF on the datagrams it relays to peers. Immutable. */
public record DontFragment() implements EmptyAttribute {
    public static final int TYPE = 0x001A;

    @Override
    public int type() {
        return TYPE;
    }

    static DontFragment parse(int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("DONT-FRAGMENT", len, 0);
        return new DontFragment();
    }
}
