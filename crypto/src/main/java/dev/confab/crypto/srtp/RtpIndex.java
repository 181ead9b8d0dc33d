package dev.confab.crypto.srtp;

/**
 * The 48-bit SRTP packet index, ROC * 2^16 + SEQ, guessed from a 16-bit sequence number and the highest index seen
 * so far: RFC 3711 Appendix A, which picks whichever of ROC - 1, ROC, ROC + 1 puts the packet nearest the highest.
 * Stateless.
 */
final class RtpIndex {
    /** The largest index: ROC is 32 bits. */
    static final long MAX = (1L << 48) - 1;

    private RtpIndex() {}

    /**
     * The index of sequence number {@code seq}, given the highest index so far ({@code -1} if none: then ROC is 0).
     * Negative if the guess is ROC - 1 with ROC 0; above {@link #MAX} if ROC would overflow.
     */
    static long estimate(long highest, int seq) {
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int last = (int) (highest & 0xffff);
        long guess;
        if (last < 32768) {
            guess = seq - last > 32768 ? roc - 1 : roc;
        } else {
            guess = last - 32768 > seq ? roc + 1 : roc;
        }
        return guess < 0 ? -1 : guess << 16 | seq;
    }
}
