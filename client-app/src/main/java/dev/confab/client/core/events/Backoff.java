package dev.confab.client.core.events;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff for reconnecting: the n-th delay (from 0) is {@code min(max, initial * 2^n)}
 * shortened by a random fraction of up to {@code jitter}, so many clients that lost the same server do not
 * come back in lockstep. The jitter only shortens delays, so no delay exceeds {@code max}.
 *
 * <p>The defaults (250 ms doubling to 4 s, jitter 0.5) keep the worst case between a server's return and a
 * client's next attempt under 4 s, so presence converges within 5 s of a server restart.
 *
 * <p>Not thread-safe: the event thread owns it. Randomness is injected, so a seeded generator gives a fixed
 * schedule in tests.
 */
public final class Backoff {
    public static final Duration DEFAULT_INITIAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(4);
    public static final double DEFAULT_JITTER = 0.5;

    private final long initialMillis;
    private final long maxMillis;
    private final double jitter;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration initial, Duration max, double jitter, RandomGenerator random) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The default schedule with the given randomness. */
    public static Backoff defaults(RandomGenerator random) {
        return new Backoff(DEFAULT_INITIAL, DEFAULT_MAX, DEFAULT_JITTER, random);
    }

    /** The delay before the next attempt; each call moves one step along the schedule. */
    public Duration next() {
        long base = attempt >= 30 ? maxMillis : Math.min(maxMillis, initialMillis << attempt);
        attempt++;
        long jittered = Math.round(base * (1 - jitter * random.nextDouble()));
        return Duration.ofMillis(Math.max(1, jittered));
    }

    /** Back to the first, shortest delay (after a successful connection). */
    public void reset() {
        attempt = 0;
    }

    /** Delays handed out since the last reset. */
    public int attempts() {
        return attempt;
    }
}
