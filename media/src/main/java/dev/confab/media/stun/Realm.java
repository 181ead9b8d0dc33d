package dev.confab.media.stun;

/** REALM (RFC 8489 section 14.9): the realm of long-term credentials, sent by the server in a 401 response. Immutable. */
public record Realm(String value) implements TextAttribute {
    public static final int TYPE = 0x0014;

    public Realm {
        TextValue.encode("REALM", value, TextValue.TEXT_MAX_BYTES);
    }

    @Override
    public int type() {
        return TYPE;
    }

    static Realm parse(byte[] buf, int off, int len) throws AttributeFormatException {
        return new Realm(TextValue.decode("REALM", buf, off, len, TextValue.TEXT_MAX_BYTES));
    }
}
