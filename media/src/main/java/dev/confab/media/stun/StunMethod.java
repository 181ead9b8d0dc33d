package dev.confab.media.stun;

/**
 * A STUN method (RFC 8489 section 5): 12 bits of the message type. Unknown methods decode too, so that a caller can
 * answer them with an error. Immutable.
 *
 * @param code the method number, 0x000 to 0xFFF
 */
public record StunMethod(int code) {
    /** RFC 8489: the only method of plain STUN, and ICE's connectivity check. */
    public static final StunMethod BINDING = new StunMethod(0x001);
    /** RFC 8656 TURN methods. */
    public static final StunMethod ALLOCATE = new StunMethod(0x003);
    public static final StunMethod REFRESH = new StunMethod(0x004);
    public static final StunMethod SEND = new StunMethod(0x006);
    public static final StunMethod DATA = new StunMethod(0x007);
    public static final StunMethod CREATE_PERMISSION = new StunMethod(0x008);
    public static final StunMethod CHANNEL_BIND = new StunMethod(0x009);

    public StunMethod {
        if (code < 0 || code > 0xfff) {
            throw new IllegalArgumentException("a STUN method has 12 bits: " + code);
        }
    }

    /** The method in bits M11..M0 of a 14-bit message type. */
    static StunMethod ofType(int type) {
        return new StunMethod((type & 0x000f) | (type & 0x00e0) >>> 1 | (type & 0x3e00) >>> 2);
    }

    /** The 14-bit message type of this method in the given class. */
    int type(StunClass messageClass) {
        return (code & 0x000f) | (code & 0x0070) << 1 | (code & 0x0f80) << 2 | messageClass.typeBits();
    }

    @Override
    public String toString() {
        return switch (code) {
            case 0x001 -> "Binding";
            case 0x003 -> "Allocate";
            case 0x004 -> "Refresh";
            case 0x006 -> "Send";
            case 0x007 -> "Data";
            case 0x008 -> "CreatePermission";
            case 0x009 -> "ChannelBind";
            default -> String.format("Method(0x%03x)", code);
        };
    }
}
