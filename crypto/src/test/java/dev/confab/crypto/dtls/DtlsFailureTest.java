package dev.confab.crypto.dtls;

import static dev.confab.crypto.dtls.DtlsTestPeers.FAST;
import static dev.confab.crypto.dtls.DtlsTestPeers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.crypto.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/** Handshakes that must fail, each with its own reason, and promptly. */
class DtlsFailureTest {

    private final DtlsCertificate alice = DtlsTestPeers.certificate(11);
    private final DtlsCertificate bob = DtlsTestPeers.certificate(12);
    private final DtlsCertificate mallory = DtlsTestPeers.certificate(13);

    @Test
    void aManInTheMiddleWithItsOwnCertificateIsCaughtOnBothSides() {
        LinkPair aliceToMallory = new LinkPair(1, LinkPair.Impairment.NONE);
        LinkPair malloryToBob = new LinkPair(2, LinkPair.Impairment.NONE);
        // Alice and Bob expect each other's fingerprints, from their signed SDP; Mallory terminates both handshakes.
        DtlsEndpoint a = DtlsTestPeers.start(DtlsRole.CLIENT, alice, bob.fingerprint(), FAST, aliceToMallory.a, 1);
        DtlsEndpoint m1 = DtlsTestPeers.start(DtlsRole.SERVER, mallory, alice.fingerprint(), FAST,
                aliceToMallory.b, 2);
        DtlsEndpoint m2 = DtlsTestPeers.start(DtlsRole.CLIENT, mallory, bob.fingerprint(), FAST, malloryToBob.a, 3);
        DtlsEndpoint b = DtlsTestPeers.start(DtlsRole.SERVER, bob, alice.fingerprint(), FAST, malloryToBob.b, 4);

        assertFails(a, DtlsException.Reason.FINGERPRINT_MISMATCH, mallory.fingerprint().toSdpValue());
        assertFails(b, DtlsException.Reason.FINGERPRINT_MISMATCH, mallory.fingerprint().toSdpValue());
        assertFails(m1, DtlsException.Reason.PEER_ALERT, "bad_certificate");
        assertFails(m2, DtlsException.Reason.PEER_ALERT, "bad_certificate");
    }

    @Test
    void aClientExpectingAnotherFingerprintRefusesTheServer() {
        LinkPair links = new LinkPair(3, LinkPair.Impairment.NONE);
        DtlsEndpoint client = DtlsTestPeers.start(DtlsRole.CLIENT, alice, mallory.fingerprint(), FAST, links.a, 5);
        DtlsEndpoint server = DtlsTestPeers.start(DtlsRole.SERVER, bob, alice.fingerprint(), FAST, links.b, 6);

        assertFails(client, DtlsException.Reason.FINGERPRINT_MISMATCH, "SDP announced "
                + mallory.fingerprint().toSdpValue());
        assertFails(server, DtlsException.Reason.PEER_ALERT, "bad_certificate");
    }

    @Test
    void aServerExpectingAnotherFingerprintRefusesTheClient() {
        LinkPair links = new LinkPair(4, LinkPair.Impairment.NONE);
        DtlsEndpoint client = DtlsTestPeers.start(DtlsRole.CLIENT, alice, bob.fingerprint(), FAST, links.a, 7);
        DtlsEndpoint server = DtlsTestPeers.start(DtlsRole.SERVER, bob, mallory.fingerprint(), FAST, links.b, 8);

        assertFails(server, DtlsException.Reason.FINGERPRINT_MISMATCH, alice.fingerprint().toSdpValue());
        assertFails(client, DtlsException.Reason.PEER_ALERT, "bad_certificate");
    }

    @Test
    void peersWithoutACommonSrtpProfileFailCleanly() {
        LinkPair links = new LinkPair(5, LinkPair.Impairment.NONE);
        DtlsEndpoint client = DtlsTestPeers.start(DtlsRole.CLIENT, alice, bob.fingerprint(),
                FAST.withSrtpProfiles(SrtpProfile.AES_CM_128_HMAC_SHA1_80), links.a, 9);
        DtlsEndpoint server = DtlsTestPeers.start(DtlsRole.SERVER, bob, alice.fingerprint(),
                FAST.withSrtpProfiles(SrtpProfile.AEAD_AES_128_GCM), links.b, 10);

        assertFails(server, DtlsException.Reason.NO_COMMON_SRTP_PROFILE, "AES_CM_128_HMAC_SHA1_80");
        assertFails(client, DtlsException.Reason.PEER_ALERT, "handshake_failure");
    }

    /**
     * The ClientHello goes out at 0, 50, 150, 350 and 750 ms (RFC 6347's doubling) and, as Bouncy Castle's wait ends
     * at the timeout, once more at 1 s before it gives up.
     */
    @Test
    void aSilentPeerTimesOutAfterRetransmissionsWithBackoff() {
        List<Long> sentAt = new CopyOnWriteArrayList<>();
        QueueDatagramLink intoTheVoid = new QueueDatagramLink((buf, off, len) -> sentAt.add(System.nanoTime()));
        DtlsConfig config = FAST.withTimers(Duration.ofMillis(50), Duration.ofSeconds(1));
        long start = System.nanoTime();
        DtlsEndpoint client = DtlsTestPeers.start(DtlsRole.CLIENT, alice, bob.fingerprint(), config, intoTheVoid, 11);

        assertFails(client, DtlsException.Reason.HANDSHAKE_TIMEOUT, "1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertThat(sentAt).hasSizeBetween(5, 6);
        for (int i = 1; i < 5; i++) {
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(sentAt.get(i) - sentAt.get(i - 1));
            assertThat(gapMillis).as("gap before retransmission %d", i).isGreaterThanOrEqualTo((50L << (i - 1)) - 2);
        }
    }

    @Test
    void closingDuringTheHandshakeAbandonsItAtOnce() {
        QueueDatagramLink intoTheVoid = new QueueDatagramLink((buf, off, len) -> { });
        DtlsEndpoint server = DtlsTestPeers.start(DtlsRole.SERVER, bob, alice.fingerprint(), FAST, intoTheVoid, 12);

        server.close();

        assertFails(server, DtlsException.Reason.CLOSED, "closed");
        assertThatThrownBy(() -> server.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(DtlsException.class);
    }

    @Test
    void aMalformedClientHelloFailsWithAProtocolError() {
        QueueDatagramLink link = new QueueDatagramLink((buf, off, len) -> { });
        DtlsEndpoint server = DtlsTestPeers.start(DtlsRole.SERVER, bob, alice.fingerprint(), FAST, link, 13);
        // Record: handshake, DTLS 1.2, epoch 0, sequence 0, 16 bytes. Fragment: ClientHello of 4 bytes, all here.
        byte[] datagram = RecordBytes.handshakeRecord(0, 1, 4, 0, 0, new byte[] {(byte) 0xfe, (byte) 0xfd, 0, 0});

        link.deliver(datagram, 0, datagram.length);

        assertFails(server, DtlsException.Reason.PROTOCOL_ERROR, "decode_error");
    }

    static void assertFails(DtlsEndpoint endpoint, DtlsException.Reason reason, String messagePart) {
        CompletableFuture<DtlsHandshakeResult> handshake = endpoint.handshake();
        ThrowableAssert.ThrowingCallable wait = () -> handshake.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThatThrownBy(wait).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DtlsException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((DtlsException) e).reason()).isEqualTo(reason);
    }
}
