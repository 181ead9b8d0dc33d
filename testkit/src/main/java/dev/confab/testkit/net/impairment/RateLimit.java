package dev.confab.testkit.net.impairment;

/**
 * A token bucket on an impaired path: datagrams leave at most at {@code bitsPerSecond} (UDP payload bytes counted),
 * after a burst of up to {@code burstBytes}; those that would have to wait behind more than {@code queueLimitBytes}
 * are dropped, as a router's full queue drops them. An immutable value.
 */
public record RateLimit(long bitsPerSecond, int burstBytes, int queueLimitBytes) {
    /** No limit. */
    public static final RateLimit UNLIMITED = new RateLimit(0, 0, 0);

    public RateLimit {
        if (bitsPerSecond < 0 || burstBytes < 0 || queueLimitBytes < 0) {
            throw new IllegalArgumentException("Negative rate, burst or queue: " + bitsPerSecond + ", " + burstBytes
                    + ", " + queueLimitBytes);
        }
        if (bitsPerSecond > 0 && burstBytes < 1500) {
            throw new IllegalArgumentException("A bucket smaller than a datagram (1500 bytes) starves: " + burstBytes);
        }
    }

    /**
     * {@code bitsPerSecond} with a bucket of 20 ms of traffic (at least 1500 bytes) and a queue of 200 ms (at least
     * 3000 bytes).
     */
    public static RateLimit of(long bitsPerSecond) {
        if (bitsPerSecond <= 0) {
            throw new IllegalArgumentException("A rate limit needs a positive rate: " + bitsPerSecond);
        }
        long bytesPerSecond = bitsPerSecond / 8;
        return new RateLimit(bitsPerSecond, (int) Math.min(Integer.MAX_VALUE, Math.max(1500, bytesPerSecond / 50)),
                (int) Math.min(Integer.MAX_VALUE, Math.max(3000, bytesPerSecond / 5)));
    }

    public boolean limited() {
        return bitsPerSecond > 0;
    }
}
