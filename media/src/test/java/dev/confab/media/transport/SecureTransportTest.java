package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.crypto.dtls.DtlsException;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.IceListener;
import dev.confab.media.ice.IceRole;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.ice.RemoteCandidate;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ICE, then DTLS-SRTP over the selected pair, then SRTP both ways, between two transports on this machine. */
class SecureTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
    private final DtlsCertificate certA = DtlsCertificate.generate(new SecureRandom(), Clock.systemUTC());
    private final DtlsCertificate certB = DtlsCertificate.generate(new SecureRandom(), Clock.systemUTC());
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        timers.shutdownNow();
        virtual.shutdownNow();
    }

    @Test
    void mediaFlowsEncryptedBothWaysOnceDtlsHasGivenKeys() throws Exception {
        Peer a = new Peer(IceRole.CONTROLLING, DtlsRole.CLIENT, certA, certB.fingerprint(), 1);
        Peer b = new Peer(IceRole.CONTROLLED, DtlsRole.SERVER, certB, certA.fingerprint(), 2);
        a.connect(b);

        assertThat(a.transport.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS).sas())
                .isEqualTo(b.transport.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS).sas());
        byte[] rtp = rtp(7);
        byte[] buffer = Arrays.copyOf(rtp, rtp.length + 16);
        assertThat(a.transport.sendRtp(buffer, 0, rtp.length)).isTrue();
        assertThat(Arrays.copyOf(buffer, rtp.length)).as("encrypted in place").isNotEqualTo(rtp);
        byte[] rtcp = {(byte) 0x80, (byte) 200, 0, 6, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20};
        byte[] rtcpBuffer = Arrays.copyOf(rtcp, rtcp.length + 20);
        assertThat(b.transport.sendRtcp(rtcpBuffer, 0, rtcp.length)).isTrue();

        await().atMost(WAIT).until(() -> !b.rtp.isEmpty() && !a.rtcp.isEmpty());
        assertThat(b.rtp.getFirst()).isEqualTo(rtp);
        assertThat(a.rtcp.getFirst()).isEqualTo(rtcp);
        assertThat(a.transport.counters().protectedSent()).isEqualTo(1);
        assertThat(b.transport.counters().unprotected()).isEqualTo(1);
        // On loopback the path's round trip is well under 25 ms: DTLS retransmits a lost flight after the 50 ms floor.
        assertThat(a.transport.agent().selectedPair()).hasValueSatisfying(pair ->
                assertThat(pair.roundTrip()).hasValueSatisfying(rtt -> assertThat(rtt).isLessThan(Duration.ofMillis(25))));
        assertThat(a.transport.dtlsInitialRetransmit()).contains(SecureTransport.MIN_INITIAL_RETRANSMIT);
        assertThat(b.transport.dtlsInitialRetransmit()).contains(SecureTransport.MIN_INITIAL_RETRANSMIT);
    }

    @Test
    void aCertificateOtherThanTheVerifiedFingerprintStopsTheCallBeforeAnyMedia() throws Exception {
        DtlsCertificate mallory = DtlsCertificate.generate(new SecureRandom(), Clock.systemUTC());
        Peer a = new Peer(IceRole.CONTROLLING, DtlsRole.CLIENT, certA, mallory.fingerprint(), 3);
        Peer b = new Peer(IceRole.CONTROLLED, DtlsRole.SERVER, certB, certA.fingerprint(), 4);
        a.connect(b);

        assertThatThrownBy(() -> a.transport.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(DtlsException.class,
                        e -> assertThat(e.reason()).isEqualTo(DtlsException.Reason.FINGERPRINT_MISMATCH));
        byte[] buffer = Arrays.copyOf(rtp(8), 40);
        assertThat(a.transport.sendRtp(buffer, 0, 24)).isFalse();
        assertThat(a.transport.counters().protectedSent()).isZero();
        assertThat(b.rtp).isEmpty();
    }

    private static byte[] rtp(int seq) {
        byte[] packet = new byte[24];
        packet[0] = (byte) 0x80;
        packet[1] = 111;
        packet[3] = (byte) seq;
        packet[11] = 42;
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }

    /** One side: its transport, what it received, and trickle to the other side. */
    private final class Peer implements IceListener, MediaReceiver {
        final SecureTransport transport;
        final List<byte[]> rtp = new CopyOnWriteArrayList<>();
        final List<byte[]> rtcp = new CopyOnWriteArrayList<>();
        Peer other;

        Peer(IceRole iceRole, DtlsRole dtlsRole, DtlsCertificate own, CertificateFingerprint expected, long seed) {
            ExecutorService serial = Executors.newSingleThreadExecutor();
            transport = SecureTransport.create(IceAgentConfig.defaults().withLoopback(true), iceRole, serial, timers,
                    new SplittableRandom(seed), this,
                    new DtlsParameters(dtlsRole, own, expected, DtlsConfig.defaults(), new SecureRandom()), virtual,
                    this);
            closing.add(transport);
            closing.add(serial::shutdownNow);
        }

        void connect(Peer peer) {
            other = peer;
            peer.other = this;
            transport.agent().start().join();
            peer.transport.agent().start().join();
            transport.agent().remoteCredentials(peer.transport.agent().localCredentials());
            peer.transport.agent().remoteCredentials(transport.agent().localCredentials());
        }

        @Override
        public void localCandidate(LocalCandidate c, IceCredentials credentials) {
            other.transport.agent().addRemoteCandidate(new RemoteCandidate(c.type(), c.address(), c.priority(),
                    c.foundation()));
        }

        @Override
        public void rtp(byte[] buf, int off, int len) {
            rtp.add(Arrays.copyOfRange(buf, off, off + len));
        }

        @Override
        public void rtcp(byte[] buf, int off, int len) {
            rtcp.add(Arrays.copyOfRange(buf, off, off + len));
        }
    }
}
