package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.crypto.dtls.DtlsHandshakeResult;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.testkit.audio.Tones;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two sessions set up a call on loopback through nothing but the SDP text and candidate lines their owners carry, as
 * two devices do through the signaling server; and descriptions a call cannot take are refused with a reason.
 */
class CallSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final SessionFixture sessions = new SessionFixture();

    @Test
    void callerAndCalleeConnectThroughSdpAndTrickledCandidatesAndCarrySecuredMedia() throws Exception {
        Owner caller = new Owner(1);
        Owner callee = new Owner(2);
        String offer = caller.session.createOffer();
        assertThat(offer).contains("m=audio", "a=rtpmap:111 opus/48000/2", "useinbandfec=1", "a=setup:actpass");

        String answer = callee.session.acceptOffer(offer);
        callee.answered(caller);
        caller.session.acceptAnswer(answer);
        caller.answered(callee);

        await().atMost(WAIT).until(() -> caller.states.contains(CallMediaState.CONNECTED)
                && callee.states.contains(CallMediaState.CONNECTED));
        assertThat(caller.states).startsWith(CallMediaState.CONNECTING);
        assertThat(caller.secured.getFirst().sas()).isEqualTo(callee.secured.getFirst().sas());
        assertThat(callee.session.opusPayloadType()).hasValue(AudioSection.OPUS_PAYLOAD_TYPE);

        short[] frame = new short[960];
        for (int i = 0; i < 15; i++) {
            for (int n = 0; n < frame.length; n++) {
                frame[n] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i * 960 + n) / 48000.0));
            }
            caller.session.microphone().accept(frame);
        }
        await().atMost(WAIT).until(() -> callee.session.statistics().packetsReceived() == 15);
        short[] heard = new short[960 * 10];
        short[] played = new short[960];
        for (int i = 0; i < 10; i++) {
            callee.session.speaker().fill(played);
            System.arraycopy(played, 0, heard, i * 960, 960);
        }
        assertThat(Tones.powerAt(heard, 440)).as("the tone is heard").isGreaterThan(100 * Tones.powerAt(heard, 700));
        CallStatistics sent = caller.session.statistics();
        assertThat(sent.packetsSent()).isEqualTo(15);
        assertThat(sent.srtpProtected()).as("every packet went through SRTP").isGreaterThanOrEqualTo(15);
        assertThat(callee.session.statistics().srtpUnprotected()).isGreaterThanOrEqualTo(15);

        // RTCP: the caller's sender reports come back in the callee's receiver reports, which give the RTT.
        await().atMost(WAIT).until(() -> caller.session.statistics().roundTripMillis() >= 0);
        assertThat(caller.session.statistics().roundTripMillis()).as("loopback RTT, ms").isLessThan(200);
        assertThat(caller.session.statistics().sentLossPercent()).isZero();
        assertThat(callee.session.statistics().receivedLost()).isZero();

        caller.session.close();
        assertThat(caller.states).endsWith(CallMediaState.CLOSED);
        assertThat(caller.failures).isEmpty();
    }

    @Test
    void descriptionsACallCannotTakeAreRefusedWithAReason() throws Exception {
        Owner callee = new Owner(3);
        assertThatThrownBy(() -> callee.session.acceptOffer("v=0\r\nnot sdp"))
                .isInstanceOf(CallNegotiationException.class).hasMessageContaining("does not parse");
        String videoOnly = new Owner(4).session.createOffer().replace("m=audio", "m=video")
                .replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 VP8/90000");
        assertThatThrownBy(() -> callee.session.acceptOffer(videoOnly))
                .isInstanceOf(CallNegotiationException.class).hasMessageContaining("no audio section");
        assertThatThrownBy(() -> callee.session.acceptAnswer(videoOnly))
                .isInstanceOf(CallNegotiationException.class).hasMessageContaining("needs an offer of ours");
        assertThatThrownBy(() -> callee.session.acceptRenegotiation(videoOnly))
                .isInstanceOf(CallNegotiationException.class);
        assertThat(callee.session.state()).isEqualTo(CallMediaState.NEW);
    }

    @Test
    void aReofferWithAnotherCertificateIsRefusedMidCall() throws Exception {
        Owner caller = new Owner(5);
        Owner callee = new Owner(6);
        String answer = callee.session.acceptOffer(caller.session.createOffer());
        callee.answered(caller);
        caller.session.acceptAnswer(answer);
        caller.answered(callee);
        await().atMost(WAIT).until(() -> callee.states.contains(CallMediaState.CONNECTED));

        String impostor = new Owner(7).session.createOffer();
        assertThatThrownBy(() -> callee.session.acceptRenegotiation(impostor))
                .isInstanceOf(CallNegotiationException.class).hasMessageContaining("certificate changed");
        assertThat(callee.session.state()).isEqualTo(CallMediaState.CONNECTED);
    }

    @Test
    void aCallWhosePeerNeverAnswersChecksFailsWithNoPath() throws Exception {
        Owner callee = new Owner(8, IceAgentConfig.defaults().withLoopback(true)
                .withConsentTimers(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(2)));
        String offer = new Owner(9).session.createOffer();
        callee.session.acceptOffer(offer.replace("a=ice-ufrag:", "a=candidate:1 1 udp 2130706431 127.0.0.1 9 typ host"
                + "\r\na=end-of-candidates\r\na=ice-ufrag:"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !callee.failures.isEmpty());
        assertThat(callee.failures.getFirst()).isEqualTo(MediaFailure.NO_PATH);
        assertThat(callee.states).endsWith(CallMediaState.FAILED);
    }

    /** One device's side: its session, what the session told it, and the candidates it holds until it has sent. */
    private final class Owner implements CallSessionListener {
        final CallSession session;
        final List<CallMediaState> states = new CopyOnWriteArrayList<>();
        final List<DtlsHandshakeResult> secured = new CopyOnWriteArrayList<>();
        final List<MediaFailure> failures = new CopyOnWriteArrayList<>();
        private volatile Owner peer;
        private final CandidateTrickle trickle = new CandidateTrickle(line -> peer.session.addRemoteCandidate(line));

        Owner(long seed) {
            this(seed, IceAgentConfig.defaults().withLoopback(true));
        }

        Owner(long seed, IceAgentConfig ice) {
            session = sessions.session(seed, ice, this);
        }

        /** The description went out: candidates from now on go straight to the peer, the held ones first. */
        void answered(Owner to) {
            peer = to;
            trickle.descriptionSent();
        }

        @Override
        public void localCandidate(String line) {
            trickle.candidate(line);
        }

        @Override
        public void stateChanged(CallMediaState state) {
            states.add(state);
        }

        @Override
        public void secured(DtlsHandshakeResult result) {
            secured.add(result);
        }

        @Override
        public void failed(MediaFailure failure, String detail) {
            failures.add(failure);
        }
    }
}
