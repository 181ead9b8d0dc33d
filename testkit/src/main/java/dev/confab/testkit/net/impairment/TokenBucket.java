package dev.confab.testkit.net.impairment;

/**
 * A token bucket run as a virtual queue: instead of holding datagrams, it tells each one how long it must wait, so a
 * FIFO rate limit is one number of state. Tokens are bytes; a negative count is the backlog waiting for tokens. Not
 * thread-safe: one thread decides fates.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private double tokens;
    private long lastNanos;
    private boolean running;

    /**
     * Admits {@code size} bytes arriving at {@code nowNanos} under {@code limit}; returns how many nanoseconds they
     * wait for tokens, or -1 if the backlog would exceed the queue limit (they are dropped and take no tokens).
     */
    long admit(RateLimit limit, long nowNanos, int size) {
        if (!limit.limited()) {
            running = false;
            return 0;
        }
        double bytesPerNano = limit.bitsPerSecond() / 8.0 / NANOS_PER_SECOND;
        tokens = running ? Math.min(limit.burstBytes(), tokens + bytesPerNano * (nowNanos - lastNanos)) : limit.burstBytes();
        running = true;
        lastNanos = nowNanos;
        double after = tokens - size;
        if (-after > limit.queueLimitBytes()) {
            return -1;
        }
        tokens = after;
        return after >= 0 ? 0 : (long) Math.ceil(-after / bytesPerNano);
    }
}
