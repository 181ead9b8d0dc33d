package dev.confab.crypto.dtls;

import dev.confab.testkit.TestRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Certificates, configurations and the executor the DTLS endpoint tests share. */
final class DtlsTestPeers {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    /**
     * Short retransmission timers so that loss costs milliseconds, not seconds. At 20% loss one handshake in a few
     * hundred still needs over 20 s (Bouncy Castle retransmits its last flight only once the whole previous flight
     * came again), so the timeout is generous.
     */
    static final DtlsConfig FAST = DtlsConfig.defaults().withTimers(Duration.ofMillis(40), Duration.ofSeconds(60));
    /** Every endpoint task gets a virtual thread, as the Javadoc recommends. */
    static final ExecutorService EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();
    /** Generous bound on any one future: a hang fails the test instead of stalling the build. */
    static final Duration WAIT = Duration.ofSeconds(90);

    private DtlsTestPeers() {
    }

    static DtlsCertificate certificate(long seed) {
        return DtlsCertificate.generate(TestRandom.seeded(seed), CLOCK);
    }

    static DtlsEndpoint start(DtlsRole role, DtlsCertificate own, CertificateFingerprint expected, DtlsConfig config,
            DatagramLink link, long seed) {
        return DtlsEndpoint.start(new DtlsParameters(role, own, expected, config, TestRandom.seeded(seed)), link,
                EXECUTOR);
    }
}
