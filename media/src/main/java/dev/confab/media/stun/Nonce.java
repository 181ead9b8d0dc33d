package dev.confab.media.stun;

/** NONCE (RFC 8489 section 14.10): the server's nonce, which long-term authenticated requests echo back. Immutable. */
public record Nonce(String value) implements TextAttribute {
    public static final int TYPE = 0x0015;

    public Nonce {
        TextValue.encode("NONCE", value, TextValue.TEXT_MAX_BYTES);
    }

    @Override
    public int type() {
        return TYPE;
    }

    static Nonce parse(byte[] buf, int off, int len) throws AttributeFormatException {
        return new Nonce(TextValue.decode("NONCE", buf, off, len, TextValue.TEXT_MAX_BYTES));
    }
}
