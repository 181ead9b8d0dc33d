package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes what a DTLS server reads: datagrams framed as in {@link RecordedHandshake}, queued for a fresh, seeded
 * server, then the link closes. Whatever arrives, the association must end within seconds with a
 * {@link DtlsException} or a clean close, and the server's thread must not allocate more than 32 MiB.
 *
 * <p>The seed corpus ({@code DtlsRecordFuzzTestInputs/serverHandshakeInput}) holds a recorded client side of a
 * whole handshake, which this seeded server completes, so mutations reach every handshake message. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl crypto test -Dtest=DtlsRecordFuzzTest#serverHandshakeInput
 * -Djazzer.instrument='dev.confab.**,org.bouncycastle.tls.**,org.bouncycastle.asn1.**'}.
 */
class DtlsRecordFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final long MAX_ALLOCATION = 32L << 20;

    /**
     * Runs a whole handshake and a failing one before anything is measured: a class is loaded (and, when fuzzing,
     * instrumented) on the thread that first uses it, which would otherwise charge hundreds of MiB of class loading
     * to the first inputs' server thread.
     */
    @BeforeAll
    static void loadTheClassesAHandshakeUses() throws Exception {
        serve(RecordedHandshake.record(), DtlsTestPeers.EXECUTOR);
        serve(new byte[] {0, 13, 22, (byte) 0xfe, (byte) 0xfd}, DtlsTestPeers.EXECUTOR);
    }

    @FuzzTest(maxDuration = "5m")
    void serverHandshakeInput(byte[] input) throws Exception {
        AllocationMeter meter = new AllocationMeter();

        serve(input, meter);

        assertThat(meter.allocatedBytes(BOUND)).isLessThan(MAX_ALLOCATION);
    }

    /** Queues the input's datagrams for a fresh server, closes the link and waits for the server to end. */
    private static void serve(byte[] input, Executor executor) throws Exception {
        QueueDatagramLink link = new QueueDatagramLink((buf, off, len) -> { });
        for (byte[] datagram : RecordedHandshake.frames(input)) {
            if (datagram.length > 0) {
                link.deliver(datagram, 0, datagram.length);
            }
        }
        link.close();

        DtlsEndpoint server = DtlsEndpoint.start(RecordedHandshake.server(), link, executor);

        try {
            server.closed().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DtlsException.class);
        } catch (TimeoutException e) {
            server.close();
            throw new AssertionError("the server neither finished nor failed within " + BOUND, e);
        }
    }

    @Test
    void theRecordedClientSideDrivesTheSeededServerToACleanClose() throws Exception {
        QueueDatagramLink link = new QueueDatagramLink((buf, off, len) -> { });
        for (byte[] datagram : RecordedHandshake.frames(RecordedHandshake.record())) {
            link.deliver(datagram, 0, datagram.length);
        }

        DtlsEndpoint server = DtlsEndpoint.start(RecordedHandshake.server(), link, DtlsTestPeers.EXECUTOR);

        assertThat(server.handshake().get(BOUND.toMillis(), TimeUnit.MILLISECONDS).peerFingerprint())
                .isEqualTo(RecordedHandshake.CLIENT_CERT.fingerprint());
        assertThat(server.closed().get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(DtlsClosure.CLOSED_BY_PEER);
    }
}
