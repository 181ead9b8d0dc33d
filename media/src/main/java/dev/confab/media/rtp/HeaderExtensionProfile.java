package dev.confab.media.rtp;

/** The "defined by profile" values of RFC 8285 section 4 that mark a header extension as a list of elements. Stateless. */
public final class HeaderExtensionProfile {
    /** One-byte elements (RFC 8285 4.2): ids 1-14, 1-16 bytes of data. */
    public static final int ONE_BYTE = 0xBEDE;
    /** Two-byte elements (RFC 8285 4.3): 0x100 then 4 "appbits"; ids 1-255, 0-255 bytes of data. */
    public static final int TWO_BYTE = 0x1000;
    /** The largest id a one-byte element can carry (15 is reserved and stops parsing). */
    public static final int MAX_ONE_BYTE_ID = 14;
    /** The most data a one-byte element can carry. */
    public static final int MAX_ONE_BYTE_LENGTH = 16;

    private HeaderExtensionProfile() {}

    static boolean isOneByte(int profile) {
        return profile == ONE_BYTE;
    }

    static boolean isTwoByte(int profile) {
        return (profile & 0xfff0) == TWO_BYTE;
    }
}
