package dev.confab.crypto.srtp;

/** Big-endian reads and writes, range checks and a constant-time comparison over byte arrays. Stateless. */
final class Bytes {
    private Bytes() {}

    static int getShort(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    /** XORs the low {@code bytes} bytes of {@code value}, big-endian, into {@code b} ending at {@code end}. */
    static void xorBigEndian(byte[] b, int end, long value, int bytes) {
        for (int i = 1; i <= bytes; i++) {
            b[end - i] ^= (byte) (value >>> (8 * (i - 1)));
        }
    }

    /** Whether {@code [off, off + len)} is not a range of {@code array}. */
    static boolean outside(byte[] array, int off, int len) {
        return array == null || off < 0 || len < 0 || off > array.length - len;
    }

    /**
     * Whether an output of up to {@code outLen} bytes at {@code dst[dstOff..]} is not a valid place for the result of
     * reading {@code src[off, off + len)}: dst is null, the offset is outside it, or it overlaps the input somewhere
     * other than exactly in place.
     */
    static boolean badOutput(byte[] src, int off, int len, byte[] dst, int dstOff, int outLen) {
        if (dst == null || dstOff < 0 || dstOff > dst.length) {
            return true;
        }
        return src == dst && dstOff != off && dstOff < off + len && off < dstOff + outLen;
    }

    /** Compares two ranges in time that depends only on {@code len}, so a forger learns nothing from timing. */
    static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
