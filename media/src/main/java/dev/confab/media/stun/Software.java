package dev.confab.media.stun;

/** SOFTWARE (RFC 8489 section 14.14): a description of the agent that sent the message, for diagnostics. Immutable. */
public record Software(String value) implements TextAttribute {
    public static final int TYPE = 0x8022;

    public Software {
        TextValue.encode("SOFTWARE", value, TextValue.TEXT_MAX_BYTES);
    }

    @Override
    public int type() {
        return TYPE;
    }

    static Software parse(byte[] buf, int off, int len) throws AttributeFormatException {
        return new Software(TextValue.decode("SOFTWARE", buf, off, len, TextValue.TEXT_MAX_BYTES));
    }
}
