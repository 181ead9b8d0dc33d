package dev.confab.media.rtp;

/** Wrap-aware arithmetic on 32-bit RTP timestamps (RFC 3550 section 5.1). Stateless. */
public final class RtpTimestamps {
    private RtpTimestamps() {}

    /** {@code a - b} as the shortest signed step from {@code b} to {@code a}. */
    public static int diff(long a, long b) {
        return (int) (a - b);
    }

    /** Whether {@code a} comes after {@code b}; of two exactly half the space apart, the numerically larger. */
    public static boolean isNewer(long a, long b) {
        long d = (a - b) & 0xffff_ffffL;
        return d == 0x8000_0000L ? (a & 0xffff_ffffL) > (b & 0xffff_ffffL) : d != 0 && d < 0x8000_0000L;
    }
}
