package dev.confab.media.stun;

/** USERNAME (RFC 8489 section 14.3): who signed the message; in ICE "remote ufrag:local ufrag". Immutable. */
public record Username(String value) implements TextAttribute {
    public static final int TYPE = 0x0006;

    public Username {
        TextValue.encode("USERNAME", value, TextValue.USERNAME_MAX_BYTES);
    }

    @Override
    public int type() {
        return TYPE;
    }

    static Username parse(byte[] buf, int off, int len) throws AttributeFormatException {
        return new Username(TextValue.decode("USERNAME", buf, off, len, TextValue.USERNAME_MAX_BYTES));
    }
}
