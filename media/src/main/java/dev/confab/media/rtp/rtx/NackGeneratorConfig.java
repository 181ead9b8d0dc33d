package dev.confab.media.rtp.rtx;

/**
 * How a {@link NackGenerator} asks for lost packets. Immutable.
 *
 * @param window              sequence numbers tracked behind the newest one, a power of two from 16 to 32768: a
 *                            missing packet this far behind is given up, and a jump ahead by more than this gives up
 *                            everything; it also fixes the generator's memory
 * @param maxRequests         how many times one packet is asked for, at least 1
 * @param maxAgeNanos         how long after its loss was noticed a packet is asked for at most
 * @param reorderDelayNanos   how long a gap waits before its first request, in case the packet was only reordered;
 *                            0 asks at once, as Chromium does
 * @param minRetryNanos       the shortest time between two requests for one packet, however short the round trip
 * @param initialRoundTripNanos the round trip assumed until one is measured
 * @param retryJitter         a random share of the round trip, 0 to 1, added to each wait between requests, so that
 *                            a retransmission that takes a little longer than the average round trip is not asked for
 *                            again just before it arrives
 */
public record NackGeneratorConfig(int window, int maxRequests, long maxAgeNanos, long reorderDelayNanos,
        long minRetryNanos, long initialRoundTripNanos, double retryJitter) {
    /** Checks the ranges. */
    public NackGeneratorConfig {
        if (window < 16 || window > 32768 || Integer.bitCount(window) != 1) {
            throw new IllegalArgumentException("the window must be a power of two, 16-32768: " + window);
        }
        if (maxRequests < 1 || maxAgeNanos <= 0 || reorderDelayNanos < 0 || minRetryNanos <= 0
                || initialRoundTripNanos < 0 || !(retryJitter >= 0 && retryJitter <= 1)) {
            throw new IllegalArgumentException("requests and ages must be positive, delays not negative, the jitter"
                    + " 0-1: " + maxRequests + ", " + maxAgeNanos + ", " + reorderDelayNanos + ", " + minRetryNanos
                    + ", " + initialRoundTripNanos + ", " + retryJitter);
        }
    }

    /**
     * WebRTC's choices where it has them: a window of 1024 packets (its NACK list holds 1000), 10 requests a packet,
     * the first at once, again every round trip (assumed 100 ms until measured, at least 5 ms) plus up to a tenth of
     * it; given up after 1 s, when a frame waiting for the packet has long been given up too.
     */
    public static NackGeneratorConfig defaults() {
        return new NackGeneratorConfig(1024, 10, 1_000_000_000L, 0, 5_000_000L, 100_000_000L, 0.1);
    }
}
