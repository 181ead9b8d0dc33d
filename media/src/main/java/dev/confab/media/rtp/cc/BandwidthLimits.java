package dev.confab.media.rtp.cc;

/**
 * The bounds and starting point of the bandwidth estimate, in bits per second. Immutable.
 *
 * @param minBps   the estimate never goes below this (audio plus the smallest video step)
 * @param startBps the estimate before any feedback
 * @param maxBps   the estimate never goes above this (what the best video step and audio could use)
 */
public record BandwidthLimits(long minBps, long startBps, long maxBps) {
    /** 100 kbit/s to 2.5 Mbit/s, starting at 300 kbit/s. */
    public static final BandwidthLimits DEFAULT = new BandwidthLimits(100_000, 300_000, 2_500_000);

    public BandwidthLimits {
        if (minBps <= 0 || startBps < minBps || maxBps < startBps) {
            throw new IllegalArgumentException("need 0 < min <= start <= max, not " + minBps + ", " + startBps + ", "
                    + maxBps);
        }
    }
}
