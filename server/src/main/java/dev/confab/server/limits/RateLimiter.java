package dev.confab.server.limits;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.server.config.RateSpec;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A named limit with one token bucket per key (a username, an address, a session). Full buckets are forgotten by
 * {@link #sweep()}, so memory follows the number of recently active keys. Thread-safe.
 */
public final class RateLimiter {
    private final String name;
    private final RateSpec spec;
    private final Clock clock;
    private final Consumer<String> onReject;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param onReject told the limiter's name on every rejection (metrics)
     */
    public RateLimiter(String name, RateSpec spec, Clock clock, Consumer<String> onReject) {
        this.name = name;
        this.spec = spec;
        this.clock = clock;
        this.onReject = onReject;
    }

    /** Takes a token for {@code key}, or throws {@code rate_limited} with the seconds to wait. */
    public void check(String key) {
        long wait = tryTake(key);
        if (wait > 0) {
            throw limited(wait);
        }
    }

    /** Takes a token for {@code key}; returns 0 when allowed, else the milliseconds to wait. */
    public long tryTake(String key) {
        long now = clock.millis();
        long wait = buckets.computeIfAbsent(key, k -> new TokenBucket(spec, now)).tryTake(now);
        if (wait > 0) {
            onReject.accept(name);
        }
        return wait;
    }

    /** Forgets buckets that refilled completely. */
    public void sweep() {
        long now = clock.millis();
        buckets.values().removeIf(b -> b.isFull(now));
    }

    /** How many keys are tracked (for tests). */
    public int size() {
        return buckets.size();
    }

    /** The error for a wait of {@code millis}: {@code 429 rate_limited} with {@code details.retryAfterSeconds}. */
    public static ProtocolException limited(long millis) {
        long seconds = Math.max(1, (millis + 999) / 1000);
        return new ProtocolException(ErrorCode.RATE_LIMITED, "Too many requests; try again in " + seconds + " s",
                Map.of("retryAfterSeconds", seconds));
    }
}
