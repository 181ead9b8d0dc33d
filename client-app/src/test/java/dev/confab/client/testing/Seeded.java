package dev.confab.client.testing;

import dev.confab.testkit.TestRandom;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeded randomness for tests, so a failing run can be replayed: {@code SHA1PRNG} seeded before its first use gives
 * the same bytes for the same seed. {@link #next()} hands out a fresh seed per call, for clients whose message ids
 * must not repeat within one JVM. Thread-safe.
 */
public final class Seeded {
    private static final AtomicLong SEEDS = new AtomicLong(1_000);

    private Seeded() {}

    /** A generator that always produces the same bytes for {@code seed}. */
    public static SecureRandom secureRandom(long seed) {
        return TestRandom.seeded(seed);
    }

    /** A seed not handed out before in this JVM. */
    public static long next() {
        return SEEDS.incrementAndGet();
    }
}
