package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.crypto.dtls.DtlsHandshakeResult;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.crypto.dtls.DtlsSetup;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.IceListener;
import dev.confab.media.ice.IceRole;
import dev.confab.media.ice.IceState;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.sdp.Candidate;
import dev.confab.media.sdp.CodecChoice;
import dev.confab.media.sdp.Direction;
import dev.confab.media.sdp.JsepAnswers;
import dev.confab.media.sdp.LocalMedia;
import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.RtpMap;
import dev.confab.media.sdp.SessionDescription;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Confab transports set up a call through SDP text alone, as two devices do through the signaling server: the
 * offerer's description carries its gathered candidates, the answerer trickles its own, and the offerer learns its
 * DTLS role and the peer's fingerprint only from the answer, after its ICE has connected.
 */
class OfferAnswerTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<LocalMedia> AUDIO = List.of(new LocalMedia(MediaDescription.AUDIO, "0",
            Direction.SENDRECV, List.of(RtpFormat.of(111, RtpMap.of("opus", 48000, 2))), List.of(), Optional.empty()));

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
    private final SecureRandom random = new SecureRandom();
    private final DtlsCertificate offererCertificate = DtlsCertificate.generate(random, Clock.systemUTC());
    private final DtlsCertificate answererCertificate = DtlsCertificate.generate(random, Clock.systemUTC());
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        timers.shutdownNow();
        virtual.shutdownNow();
    }

    @Test
    void theOffererConnectsIceFirstAndStartsDtlsOnceTheAnswerNamesItsRole() throws Exception {
        Side offerer = new Side();
        offerer.transport = SecureTransport.createOffering(config(), offerer.executor, timers, new SplittableRandom(1),
                offerer, offererCertificate, virtual, offerer);
        offerer.transport.agent().start().join();
        IceCredentials offerCredentials = offerer.gathered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String offer = LocalDescriptions.withCandidates(LocalDescriptions.offer(offerer.transport, 1, AUDIO),
                offerer.candidates, offerCredentials, true).toSdp();

        Side answerer = new Side();
        SessionDescription offerSeen = SessionDescription.parse(offer);
        PeerTransport offered = PeerTransport.of(offerSeen);
        answerer.transport = SecureTransport.create(config(), IceRole.CONTROLLED, answerer.executor, timers,
                new SplittableRandom(2), answerer, dtls(offered.roleAsAnswerer(), answererCertificate, offered), virtual,
                answerer);
        answerer.trickleTo = offerer.transport;
        answerer.transport.agent().start().join();
        offered.applyTo(answerer.transport);
        String answer = JsepAnswers.create(offerSeen,
                LocalDescriptions.answerOptions(answerer.transport, 2, CodecChoice.byName("opus"))).toSdp();

        PeerTransport answered = PeerTransport.of(SessionDescription.parse(answer));
        answered.applyTo(offerer.transport);
        await().atMost(WAIT).until(() -> offerer.transport.agent().state() == IceState.CONNECTED);
        assertThat(offerer.transport.handshake()).as("no DTLS before the answer's role is known").isNotDone();
        offerer.transport.answered(dtls(answered.roleAsOfferer(), offererCertificate, answered));

        DtlsHandshakeResult offererResult = offerer.transport.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        DtlsHandshakeResult answererResult = answerer.transport.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(offered.setup()).isEqualTo(DtlsSetup.ACTPASS);
        assertThat(answered.setup()).isEqualTo(DtlsSetup.ACTIVE);
        assertThat(offererResult.role()).isEqualTo(DtlsRole.SERVER);
        assertThat(answererResult.role()).isEqualTo(DtlsRole.CLIENT);
        assertThat(offererResult.sas()).isEqualTo(answererResult.sas());
        assertThat(offered.candidates()).hasSameSizeAs(offerer.candidates);
        assertThat(offered.endOfCandidates()).isTrue();

        byte[] rtp = {(byte) 0x80, 111, 0, 1, 0, 0, 0, 9, 0, 0, 0, 42, (byte) 0xF8, (byte) 0xFF, (byte) 0xFE};
        byte[] buffer = Arrays.copyOf(rtp, rtp.length + 16);
        assertThat(answerer.transport.sendRtp(buffer, 0, rtp.length)).isTrue();
        await().atMost(WAIT).until(() -> !offerer.rtp.isEmpty());
        assertThat(offerer.rtp.getFirst()).isEqualTo(rtp);
    }

    @Test
    void anOfferingTransportTakesOneAnswerWithItsOwnCertificate() {
        Side offerer = new Side();
        offerer.transport = SecureTransport.createOffering(config(), offerer.executor, timers, new SplittableRandom(3),
                offerer, offererCertificate, virtual, offerer);
        DtlsParameters foreign = new DtlsParameters(DtlsRole.SERVER, answererCertificate,
                offererCertificate.fingerprint(), DtlsConfig.defaults(), random);
        DtlsParameters own = new DtlsParameters(DtlsRole.SERVER, offererCertificate,
                answererCertificate.fingerprint(), DtlsConfig.defaults(), random);

        assertThat(offerer.transport.localFingerprint()).isEqualTo(offererCertificate.fingerprint());
        assertThatThrownBy(() -> offerer.transport.answered(foreign)).isInstanceOf(IllegalArgumentException.class);
        offerer.transport.answered(own);
        assertThatThrownBy(() -> offerer.transport.answered(own)).isInstanceOf(IllegalStateException.class);
    }

    private DtlsParameters dtls(DtlsRole role, DtlsCertificate own, PeerTransport peer) {
        return new DtlsParameters(role, own, peer.fingerprint(), DtlsConfig.defaults(), random);
    }

    private static IceAgentConfig config() {
        return IceAgentConfig.defaults().withLoopback(true);
    }

    /** One device: its transport, the candidates it gathered, what it received, and where it trickles. */
    private final class Side implements IceListener, MediaReceiver {
        final ExecutorService executor = Executors.newSingleThreadExecutor();
        final List<LocalCandidate> candidates = new CopyOnWriteArrayList<>();
        final CompletableFuture<IceCredentials> gathered = new CompletableFuture<>();
        final List<byte[]> rtp = new CopyOnWriteArrayList<>();
        SecureTransport transport;
        SecureTransport trickleTo;

        Side() {
            closing.add(executor::shutdownNow);
            closing.add(() -> transport.close());
        }

        @Override
        public void localCandidate(LocalCandidate candidate, IceCredentials credentials) {
            candidates.add(candidate);
            if (trickleTo != null) {
                String line = SdpCandidates.toSdp(candidate, credentials).toAttribute();
                try {
                    trickleTo.remoteCandidates().add(Candidate.parse(line), credentials.ufrag());
                } catch (Exception e) {
                    throw new AssertionError("Confab's own candidate did not parse: " + line, e);
                }
            }
        }

        @Override
        public void gatheringComplete(IceCredentials credentials) {
            gathered.complete(credentials);
        }

        @Override
        public void rtp(byte[] buf, int off, int len) {
            rtp.add(Arrays.copyOfRange(buf, off, off + len));
        }

        @Override
        public void rtcp(byte[] buf, int off, int len) {
        }
    }
}
