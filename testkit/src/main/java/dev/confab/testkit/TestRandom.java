package dev.confab.testkit;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Reproducible {@link SecureRandom}s for tests: SHA1PRNG seeded before first use is deterministic. */
public final class TestRandom {

    private TestRandom() {
    }

    /** A generator that yields the same bytes for the same {@code seed}. */
    public static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA1PRNG", e);
        }
    }
}
