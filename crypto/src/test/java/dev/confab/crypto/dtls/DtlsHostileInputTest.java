package dev.confab.crypto.dtls;

import static dev.confab.crypto.dtls.DtlsTestPeers.FAST;
import static dev.confab.crypto.dtls.DtlsTestPeers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.TestRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Garbage, forged fragments and reordering a server must survive without hanging or allocating without bound. */
class DtlsHostileInputTest {

    private final DtlsCertificate clientCert = DtlsTestPeers.certificate(31);
    private final DtlsCertificate serverCert = DtlsTestPeers.certificate(32);

    @Test
    void randomDatagramsBeforeAndAfterTheHandshakeAreIgnored() throws Exception {
        LinkPair links = new LinkPair(31, LinkPair.Impairment.NONE);
        SplittableRandom random = new SplittableRandom(31);
        deliverGarbage(links.b, random, 300);
        DtlsEndpoint server = DtlsTestPeers.start(DtlsRole.SERVER, serverCert, clientCert.fingerprint(), FAST,
                links.b, 1);
        DtlsEndpoint client = DtlsTestPeers.start(DtlsRole.CLIENT, clientCert, serverCert.fingerprint(), FAST,
                links.a, 2);

        client.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        server.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        // Fewer than the queue holds, so that the close_notify is not dropped for a full queue.
        deliverGarbage(links.b, random, QueueDatagramLink.DEFAULT_CAPACITY / 2);
        client.close();

        assertThat(server.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(DtlsClosure.CLOSED_BY_PEER);
    }

    /**
     * Sixteen 25-byte fragments, each announcing a 16 MiB ClientHello with its own message sequence: without the
     * filter, Bouncy Castle allocates 256 MiB and keeps it for the flight.
     */
    @Test
    void fragmentsAnnouncingHugeMessagesAreDroppedBeforeBouncyCastleAllocates() throws Exception {
        LinkPair links = new LinkPair(32, LinkPair.Impairment.NONE);
        for (int seq = 0; seq < 16; seq++) {
            byte[] forged = RecordBytes.handshakeRecord(seq, 1, 0xffffff, seq, 0, new byte[] {1});
            links.b.deliver(forged, 0, forged.length);
        }
        AllocationMeter meter = new AllocationMeter();
        DtlsEndpoint server = DtlsEndpoint.start(new DtlsParameters(DtlsRole.SERVER, serverCert,
                clientCert.fingerprint(), FAST, TestRandom.seeded(3)), links.b, meter);
        DtlsEndpoint client = DtlsTestPeers.start(DtlsRole.CLIENT, clientCert, serverCert.fingerprint(), FAST,
                links.a, 4);

        server.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        client.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        client.close();

        assertThat(server.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(DtlsClosure.CLOSED_BY_PEER);
        assertThat(server.oversizedHandshakeDrops()).isEqualTo(16);
        assertThat(meter.allocatedBytes(WAIT)).as("bytes the server's thread allocated").isLessThan(32L << 20);
    }

    /**
     * The client's CertificateVerify overtaken by its ChangeCipherSpec: Bouncy Castle alone switches epochs early,
     * drops every later copy of the CertificateVerify and stalls until the 5 s timeout; held back, the
     * ChangeCipherSpec comes again with the next retransmission and the handshake completes.
     */
    @Test
    void aChangeCipherSpecOvertakingTheCertificateVerifyDoesNotStallTheServer() throws Exception {
        QueueDatagramLink[] serverLink = new QueueDatagramLink[1];
        QueueDatagramLink clientLink = new QueueDatagramLink(new HoldFirstCertificateVerify(datagram ->
                serverLink[0].deliver(datagram, 0, datagram.length)));
        serverLink[0] = new QueueDatagramLink((buf, off, len) -> clientLink.deliver(buf, off, len));
        DtlsConfig config = FAST.withTimers(Duration.ofMillis(100), Duration.ofSeconds(5));
        DtlsEndpoint server = DtlsTestPeers.start(DtlsRole.SERVER, serverCert, clientCert.fingerprint(), config,
                serverLink[0], 5);
        DtlsEndpoint client = DtlsTestPeers.start(DtlsRole.CLIENT, clientCert, serverCert.fingerprint(), config,
                clientLink, 6);

        DtlsHandshakeResult atServer = server.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        DtlsHandshakeResult atClient = client.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(server.heldChangeCipherSpecs()).isPositive();
        assertThat(atServer.sas()).isEqualTo(atClient.sas());
        client.close();
        server.close();
    }

    private static void deliverGarbage(QueueDatagramLink link, SplittableRandom random, int count) {
        for (int i = 0; i < count; i++) {
            byte[] datagram = new byte[1 + random.nextInt(300)];
            random.nextBytes(datagram);
            datagram[0] = (byte) (20 + random.nextInt(44)); // what RFC 7983 demultiplexes to DTLS
            link.deliver(datagram, 0, datagram.length);
        }
    }

    /**
     * Splits the first datagram holding a CertificateVerify into its records (the client packs its flight into one)
     * and delivers them one per datagram, the CertificateVerify after all the others, as a peer sending each record
     * alone on a reordering path would have it arrive.
     */
    private static final class HoldFirstCertificateVerify implements QueueDatagramLink.Sender {
        private static final int RECORD_HEADER = 13;
        private final java.util.function.Consumer<byte[]> next;
        private boolean holding = true;

        HoldFirstCertificateVerify(java.util.function.Consumer<byte[]> next) {
            this.next = next;
        }

        @Override
        public synchronized void send(byte[] buf, int off, int len) {
            java.util.List<byte[]> records = new java.util.ArrayList<>();
            byte[] certificateVerify = null;
            for (byte[] record : RecordBytes.split(buf, off, len)) {
                boolean isCertificateVerify = record.length > RECORD_HEADER && record[0] == 22 && record[3] == 0
                        && record[4] == 0 && record[RECORD_HEADER] == 15;
                if (holding && isCertificateVerify) {
                    certificateVerify = record;
                } else {
                    records.add(record);
                }
            }
            if (certificateVerify == null) {
                next.accept(Arrays.copyOfRange(buf, off, off + len));
                return;
            }
            holding = false;
            records.forEach(next);
            next.accept(certificateVerify);
        }
    }
}
