package dev.confab.media.rtp;

/**
 * Big-endian reads and writes on byte arrays, as RTP and RTCP put numbers on the wire. Callers check bounds first.
 * Stateless.
 */
public final class BigEndian {
    private BigEndian() {}

    public static int u8(byte[] buf, int at) {
        return buf[at] & 0xff;
    }

    public static int u16(byte[] buf, int at) {
        return (buf[at] & 0xff) << 8 | buf[at + 1] & 0xff;
    }

    public static int u24(byte[] buf, int at) {
        return (buf[at] & 0xff) << 16 | u16(buf, at + 1);
    }

    public static int i32(byte[] buf, int at) {
        return u16(buf, at) << 16 | u16(buf, at + 2);
    }

    public static long u32(byte[] buf, int at) {
        return i32(buf, at) & 0xffff_ffffL;
    }

    public static long i64(byte[] buf, int at) {
        return (long) i32(buf, at) << 32 | u32(buf, at + 4);
    }

    public static void put16(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 8);
        buf[at + 1] = (byte) value;
    }

    public static void put24(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 16);
        put16(buf, at + 1, value);
    }

    public static void put32(byte[] buf, int at, long value) {
        put16(buf, at, (int) (value >>> 16));
        put16(buf, at + 2, (int) value);
    }

    public static void put64(byte[] buf, int at, long value) {
        put32(buf, at, value >>> 32);
        put32(buf, at + 4, value);
    }

    /** Whether {@code [off, off + len)} is not a range of {@code buf} (or {@code buf} is null). */
    public static boolean outside(byte[] buf, int off, int len) {
        return buf == null || off < 0 || len < 0 || off > buf.length - len;
    }
}
