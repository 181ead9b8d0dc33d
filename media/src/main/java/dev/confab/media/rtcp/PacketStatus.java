package dev.confab.media.rtcp;

/**
 * What a transport-cc feedback says of one packet (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1.1); the
 * ordinal is the 2-bit symbol on the wire. Immutable.
 */
public enum PacketStatus {
    /** Not received (yet). */
    NOT_RECEIVED,
    /** Received, with a receive delta of 0-255 ticks of 250 us (one byte). */
    SMALL_DELTA,
    /** Received, with a negative or larger delta, -32768 to 32767 ticks (two bytes). */
    LARGE_DELTA;

    private static final PacketStatus[] VALUES = values();

    static PacketStatus ofSymbol(int symbol) {
        return VALUES[symbol];
    }

    /** The status a received packet's delta needs. */
    public static PacketStatus forDelta(int ticks) {
        return ticks >= 0 && ticks <= 255 ? SMALL_DELTA : LARGE_DELTA;
    }

    /** The bytes its receive delta takes. */
    int deltaBytes() {
        return ordinal();
    }
}
