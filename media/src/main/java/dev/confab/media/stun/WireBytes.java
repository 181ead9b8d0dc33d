package dev.confab.media.stun;

/** Big-endian reads and writes on byte arrays, as STUN puts numbers on the wire. Stateless. */
final class WireBytes {
    private WireBytes() {}

    static int u8(byte[] buf, int at) {
        return buf[at] & 0xff;
    }

    static int u16(byte[] buf, int at) {
        return (buf[at] & 0xff) << 8 | buf[at + 1] & 0xff;
    }

    static int i32(byte[] buf, int at) {
        return u16(buf, at) << 16 | u16(buf, at + 2);
    }

    static long u32(byte[] buf, int at) {
        return i32(buf, at) & 0xffff_ffffL;
    }

    static long i64(byte[] buf, int at) {
        return (long) i32(buf, at) << 32 | u32(buf, at + 4);
    }

    static void put16(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 8);
        buf[at + 1] = (byte) value;
    }

    static void put32(byte[] buf, int at, long value) {
        put16(buf, at, (int) (value >>> 16));
        put16(buf, at + 2, (int) value);
    }

    static void put64(byte[] buf, int at, long value) {
        put32(buf, at, value >>> 32);
        put32(buf, at + 4, value);
    }

    /** {@code length} rounded up to a multiple of four, as attribute values are padded. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
