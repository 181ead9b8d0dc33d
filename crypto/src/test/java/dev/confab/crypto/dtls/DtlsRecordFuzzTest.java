package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    @FuzzTest(maxDuration = "5m")
    void serverHandshakeInput(byte[] input) throws Exception {
        QueueDatagramLink link = new QueueDatagramLink((buf, off, len) -> { });
        for (byte[] datagram : RecordedHandshake.frames(input)) {
            if (datagram.length > 0) {
                link.deliver(datagram, 0, datagram.length);
            }
        }
        link.close();
        AllocationMeter meter = new AllocationMeter();

        DtlsEndpoint server = DtlsEndpoint.start(RecordedHandshake.server(), link, meter);

        try {
            server.closed().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DtlsException.class);
        } catch (TimeoutException e) {
            server.close();
            throw new AssertionError("the server neither finished nor failed within " + BOUND, e);
        }
        assertThat(meter.allocatedBytes(BOUND)).isLessThan(MAX_ALLOCATION);
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
