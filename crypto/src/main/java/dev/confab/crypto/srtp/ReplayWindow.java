package dev.confab.crypto.srtp;

import java.util.Arrays;

/**
 * The highest packet index accepted on one SSRC and which of the {@code size} indices before it were seen (RFC 3711
 * section 3.3.2), as a circular bitmap: index {@code i} lives at bit {@code i mod size}. Serves SRTP (48-bit
 * indices) and SRTCP (31-bit). Not thread-safe: one owner at a time.
 */
final class ReplayWindow {
    static final int OK = 0;

    private final long[] bits;
    private final int size;
    private long highest = -1;

    /** A window remembering at least {@code packets} indices (rounded up to a multiple of 64). */
    ReplayWindow(int packets) {
        bits = new long[(packets + 63) / 64];
        size = bits.length * 64;
    }

    /** The highest index accepted, or -1 before the first. */
    long highest() {
        return highest;
    }

    /** {@link #OK} if {@code index} may be accepted, else the status of {@link SrtpFailure#REPLAYED} or TOO_OLD. */
    int check(long index) {
        if (index > highest) {
            return OK;
        }
        if (highest - index >= size) {
            return SrtpFailure.TOO_OLD.status();
        }
        int bit = (int) (index % size);
        return (bits[bit >>> 6] & 1L << bit) != 0 ? SrtpFailure.REPLAYED.status() : OK;
    }

    /** Records {@code index} as seen; call only after {@link #check} said OK and the packet authenticated. */
    void accept(long index) {
        if (index > highest) {
            if (highest < 0 || index - highest >= size) {
                Arrays.fill(bits, 0L);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    int bit = (int) (i % size);
                    bits[bit >>> 6] &= ~(1L << bit);
                }
            }
            highest = index;
        }
        int bit = (int) (index % size);
        bits[bit >>> 6] |= 1L << bit;
    }
}
