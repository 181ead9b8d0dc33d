package dev.confab.client.selftest;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.crypto.dtls.DtlsEndpoint;
import dev.confab.crypto.dtls.DtlsHandshakeResult;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.crypto.dtls.QueueDatagramLink;
import dev.confab.crypto.dtls.DtlsSrtpKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * DTLS-SRTP as a call does it: two endpoints with fresh certificates shake hands over an in-memory link (two
 * {@link QueueDatagramLink}s back to back), and each one's sending key must be the other's receiving key, and their
 * short authentication strings equal. Stateless.
 */
final class DtlsCheck {
    /** The in-memory link loses nothing, so the handshake takes milliseconds; this only bounds a broken one. */
    private static final Duration HANDSHAKE_WAIT = Duration.ofSeconds(10);

    private DtlsCheck() {}

    static Finding run() throws Exception {
        SecureRandom random = new SecureRandom();
        DtlsCertificate clientCertificate = DtlsCertificate.generate(random, Clock.systemUTC());
        DtlsCertificate serverCertificate = DtlsCertificate.generate(random, Clock.systemUTC());
        QueueDatagramLink[] links = new QueueDatagramLink[2];
        links[0] = new QueueDatagramLink((buf, off, len) -> links[1].deliver(buf, off, len));
        links[1] = new QueueDatagramLink((buf, off, len) -> links[0].deliver(buf, off, len));
        long started = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
                DtlsEndpoint client = DtlsEndpoint.start(new DtlsParameters(DtlsRole.CLIENT, clientCertificate,
                        serverCertificate.fingerprint(), DtlsConfig.defaults(), random), links[0], executor);
                DtlsEndpoint server = DtlsEndpoint.start(new DtlsParameters(DtlsRole.SERVER, serverCertificate,
                        clientCertificate.fingerprint(), DtlsConfig.defaults(), random), links[1], executor)) {
            DtlsHandshakeResult c = client.handshake().get(HANDSHAKE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            DtlsHandshakeResult s = server.handshake().get(HANDSHAKE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (!agree(c.srtpKeys(), s.srtpKeys()) || !c.sas().equals(s.sas())) {
                return Finding.fail("a DTLS-SRTP handshake completed but the two sides' keys differ");
            }
            return Finding.ok("a DTLS-SRTP handshake over an in-memory link, keys agree ("
                    + c.srtpKeys().profile() + ", " + millis + " ms)");
        } finally {
            links[0].close();
            links[1].close();
        }
    }

    private static boolean agree(DtlsSrtpKeys one, DtlsSrtpKeys other) {
        return one.profile() == other.profile()
                && Arrays.equals(one.localKey(), other.remoteKey()) && Arrays.equals(one.remoteKey(), other.localKey())
                && Arrays.equals(one.localSalt(), other.remoteSalt())
                && Arrays.equals(one.remoteSalt(), other.localSalt());
    }
}
