package dev.confab.server.limits;

import dev.confab.server.config.RateSpec;

/**
 * One token bucket: holds up to {@code count} tokens and refills continuously at {@code count} per period.
 * Times are milliseconds from the limiter's clock. Thread-safe (synchronized; the critical section is tiny).
 */
final class TokenBucket {
    private final double capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long updatedAt;

    TokenBucket(RateSpec spec, long now) {
        this.capacity = spec.count();
        this.tokensPerMilli = spec.count() / (double) spec.period().toMillis();
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token; returns 0 when taken, else the milliseconds until one is available. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerMilli);
    }

    /** Whether the bucket is full again, so forgetting it changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerMilli);
            updatedAt = now;
        }
    }
}
