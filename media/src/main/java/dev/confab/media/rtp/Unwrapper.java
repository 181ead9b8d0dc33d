package dev.confab.media.rtp;

/**
 * Extends a wrapping counter (16-bit sequence numbers, 32-bit timestamps) to 64 bits: each value is placed nearest
 * the previous one, so the result keeps counting across wraps. The first value is taken as it is; a later value
 * older than it (reordering just after the start) may come out below it, and below zero.
 *
 * <p>Thread contract: one thread at a time (the stream's receive queue).
 */
public final class Unwrapper {
    private final int shift;
    private final long mask;
    private boolean started;
    private long last;

    private Unwrapper(int bits) {
        this.shift = 64 - bits;
        this.mask = (1L << bits) - 1;
    }

    /** For RTP sequence numbers: gives extended sequence numbers. */
    public static Unwrapper forSequenceNumbers() {
        return new Unwrapper(16);
    }

    /** For RTP timestamps. */
    public static Unwrapper forTimestamps() {
        return new Unwrapper(32);
    }

    /** The extended value of {@code value} (only its low 16 or 32 bits count); moves the reference to it. */
    public long unwrap(long value) {
        long v = value & mask;
        if (!started) {
            started = true;
            last = v;
            return v;
        }
        long step = ((v - last) << shift) >> shift;
        last += step;
        return last;
    }
}
