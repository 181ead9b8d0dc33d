package dev.confab.crypto.password;

/**
 * Argon2id cost parameters (RFC 9106 section 3.1).
 *
 * <p>The bounds also apply to parameters read back from a stored hash, so a corrupted or hostile string cannot
 * make the server allocate or compute without limit.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param memoryKiB memory in KiB: at least 8 per lane, at most {@value #MAX_MEMORY_KIB} (1 GiB)
 * @param iterations passes over memory: 1..{@value #MAX_ITERATIONS}
 * @param parallelism lanes: 1..{@value #MAX_PARALLELISM}
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

    /** The most memory accepted: 1 GiB. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    /** The most passes accepted. */
    public static final int MAX_ITERATIONS = 64;
    /** The most lanes accepted. */
    public static final int MAX_PARALLELISM = 16;

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if a parameter is out of the bounds above
     */
    public Argon2Params {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be in 1.." + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "memoryKiB must be in " + 8 * parallelism + ".." + MAX_MEMORY_KIB + ", got " + memoryKiB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be in 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
    }

    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. The server's setting. */
    public static Argon2Params defaults() {
        return new Argon2Params(19_456, 2, 1);
    }

    /** 256 KiB, 1 pass, 1 lane: INSECURE, for tests and benchmarks only, where hashing must be quick. */
    public static Argon2Params fast() {
        return new Argon2Params(256, 1, 1);
    }
}
