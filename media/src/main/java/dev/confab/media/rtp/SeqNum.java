package dev.confab.media.rtp;

/**
 * Wrap-aware arithmetic on 16-bit RTP sequence numbers (RFC 3550 section 5.1; RFC 1982 serial numbers): the newer
 * of two is the one less than half the space ahead. Stateless.
 */
public final class SeqNum {
    private SeqNum() {}

    /** {@code a - b} as the shortest signed step from {@code b} to {@code a}, -32768 to 32767. */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }

    /** Whether {@code a} comes after {@code b}; of two exactly half the space apart, the numerically larger. */
    public static boolean isNewer(int a, int b) {
        int d = (a - b) & 0xffff;
        return d == 0x8000 ? (a & 0xffff) > (b & 0xffff) : d != 0 && d < 0x8000;
    }

    /** {@code seq + n} modulo 2^16. */
    public static int add(int seq, int n) {
        return (seq + n) & 0xffff;
    }
}
