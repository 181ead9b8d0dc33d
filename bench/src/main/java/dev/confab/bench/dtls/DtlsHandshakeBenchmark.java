package dev.confab.bench.dtls;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.crypto.dtls.DtlsEndpoint;
import dev.confab.crypto.dtls.DtlsHandshakeResult;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.crypto.dtls.DtlsRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One DTLS-SRTP handshake between two endpoints over UDP on 127.0.0.1, both sides in this JVM, until both have
 * their SRTP keys. {@link #handshake} uses certificates made beforehand; {@link #certificatesAndHandshake} also makes
 * both per-call ECDSA P-256 certificates, as a call does; {@link #certificate} is that certificate alone. The mode
 * (single shot for cold, sample time for warm) is chosen by {@link DtlsHandshakeReport}.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class DtlsHandshakeBenchmark {

    private final SecureRandom random = new SecureRandom();
    private ExecutorService executor;

    /** Certificates made before the measurement, only for {@link #handshake}, so the others start cold. */
    @State(Scope.Thread)
    public static class Certificates {
        DtlsCertificate client;
        DtlsCertificate server;

        @Setup(Level.Trial)
        public void setUp() {
            SecureRandom random = new SecureRandom();
            client = DtlsCertificate.generate(random, Clock.systemUTC());
            server = DtlsCertificate.generate(random, Clock.systemUTC());
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        executor = Executors.newVirtualThreadPerTaskExecutor();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    @Benchmark
    public DtlsHandshakeResult handshake(Certificates certificates) throws Exception {
        return handshake(certificates.client, certificates.server);
    }

    @Benchmark
    public DtlsHandshakeResult certificatesAndHandshake() throws Exception {
        return handshake(DtlsCertificate.generate(random, Clock.systemUTC()),
                DtlsCertificate.generate(random, Clock.systemUTC()));
    }

    @Benchmark
    public DtlsCertificate certificate() {
        return DtlsCertificate.generate(random, Clock.systemUTC());
    }

    private DtlsHandshakeResult handshake(DtlsCertificate clientCert, DtlsCertificate serverCert) throws Exception {
        DtlsConfig config = DtlsConfig.defaults();
        try (LoopbackPair pair = new LoopbackPair();
                DtlsEndpoint server = DtlsEndpoint.start(new DtlsParameters(DtlsRole.SERVER, serverCert,
                        clientCert.fingerprint(), config, random), pair.b, executor);
                DtlsEndpoint client = DtlsEndpoint.start(new DtlsParameters(DtlsRole.CLIENT, clientCert,
                        serverCert.fingerprint(), config, random), pair.a, executor)) {
            server.handshake().get(10, TimeUnit.SECONDS);
            return client.handshake().get(10, TimeUnit.SECONDS);
        }
    }
}
