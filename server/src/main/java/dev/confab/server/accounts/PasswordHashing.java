package dev.confab.server.accounts;

import dev.confab.crypto.password.Argon2Params;
import dev.confab.crypto.password.PasswordHasher;
import dev.confab.server.config.ServerConfig;
import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Argon2id password hashing (crypto's {@link PasswordHasher}) with a bound on how many hashes run at once, since
 * each one takes {@code memory-kib} of memory and a core for tens of milliseconds. Unknown usernames are
 * verified against a dummy hash made with the same parameters, so a sign-in costs the same whether or not the
 * account exists. Thread-safe.
 */
public final class PasswordHashing {
    private final PasswordHasher hasher;
    private final Semaphore permits;
    private final String dummyHash;

    public PasswordHashing(ServerConfig.Argon2 config, SecureRandom random) {
        this.hasher = new PasswordHasher(new Argon2Params(config.memoryKiB(), config.iterations(), config.parallelism()),
                random);
        this.permits = new Semaphore(config.maxConcurrent(), true);
        this.dummyHash = hasher.hash("confab-dummy-password-for-timing".toCharArray());
    }

    public String hash(char[] password) {
        return bounded(() -> hasher.hash(password));
    }

    public boolean verify(char[] password, String encoded) {
        return bounded(() -> hasher.verify(password, encoded));
    }

    /** Spends the time of a verification without an account, so unknown usernames cost the same. */
    public void verifyDummy(char[] password) {
        verify(password, dummyHash);
    }

    public boolean needsRehash(String encoded) {
        return hasher.needsRehash(encoded);
    }

    private <T> T bounded(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
