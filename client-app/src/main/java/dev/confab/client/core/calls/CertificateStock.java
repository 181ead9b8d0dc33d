package dev.confab.client.core.calls;

import dev.confab.crypto.dtls.DtlsCertificate;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The next call's DTLS certificate, made ahead of time in the background (a fresh ECDSA P-256 certificate per call;
 * the first one in a JVM takes about half a second). Taking one starts making the next. Thread-safe.
 */
final class CertificateStock {
    private final Executor background;
    private final SecureRandom random;
    private final Clock clock;
    private CompletableFuture<DtlsCertificate> next;

    CertificateStock(Executor background, SecureRandom random, Clock clock) {
        this.background = background;
        this.random = random;
        this.clock = clock;
    }

    /** Starts making the next certificate unless one is made or on its way. */
    synchronized void prepare() {
        if (next == null) {
            next = CompletableFuture.supplyAsync(() -> DtlsCertificate.generate(random, clock), background);
        }
    }

    /** The prepared certificate (waiting for it if it is still being made); the next one is started. */
    DtlsCertificate take() {
        CompletableFuture<DtlsCertificate> ready;
        synchronized (this) {
            prepare();
            ready = next;
            next = null;
        }
        DtlsCertificate certificate = ready.join();
        prepare();
        return certificate;
    }
}
