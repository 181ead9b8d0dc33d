package dev.confab.media.rtp;

/**
 * The abs-send-time element (webrtc.org): three bytes, a send time in seconds as a 6.18 fixed-point number, that
 * wraps every 64 s. Receive-side bandwidth estimation uses the differences. Stateless.
 */
public final class AbsSendTime {
    /** The element's data length. */
    public static final int LENGTH = 3;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private AbsSendTime() {}

    /** The 24-bit value for a time in nanoseconds (any epoch): its seconds modulo 64 in units of 2^-18 s. */
    public static int fromNanos(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long fraction = Math.floorMod(nanos, NANOS_PER_SECOND);
        return (int) (((seconds & 0x3f) << 18) | (fraction << 18) / NANOS_PER_SECOND);
    }

    /** The 24-bit value at {@code buf[at]}. */
    public static int read(byte[] buf, int at) {
        return BigEndian.u24(buf, at);
    }

    /** {@code value} (24 bits) in nanoseconds, 0 to 64 s. */
    public static long toNanos(int value) {
        return ((value & 0xff_ffffL) * NANOS_PER_SECOND) >> 18;
    }
}
