package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.net.impairment.Impairment;
import dev.confab.testkit.net.impairment.ImpairmentRelay;
import dev.confab.testkit.net.impairment.LossModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The path dies mid-call and the caller's session restarts ICE by itself; its re-offer and the callee's answer are each
 * delivered twice, as an owner sending them again over a recovering signaling connection does: the call comes back
 * with one restart on each side, and the repeated descriptions carry the candidates gathered since.
 */
class CallSessionRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final SessionFixture sessions = new SessionFixture();

    @Test
    void aReofferAndItsAnswerThatComeTwiceRestartOnceAndTheCallComesBack() throws Exception {
        Side caller = new Side(31);
        Side callee = new Side(32);
        String answer = callee.session.acceptOffer(caller.session.createOffer());
        ImpairmentRelay relay = ImpairmentRelay.builder().peerB(SessionFixture.loopbackCandidate(callee.candidates)).seed(3).start();
        sessions.closeAfter(relay);
        caller.session.acceptAnswer(answer);
        String throughRelay = "candidate:1 1 udp 2130706431 " + relay.addressA().getAddress().getHostAddress() + " "
                + relay.addressA().getPort() + " typ host";
        caller.session.addRemoteCandidate(throughRelay);
        await().atMost(WAIT).until(() -> bothAre(caller, callee, CallMediaState.CONNECTED));
        assertThat(caller.session.unansweredReoffer()).as("no restart yet").isEmpty();

        relay.impairBoth(Impairment.NONE.withLoss(LossModel.random(1.0)));
        await().atMost(WAIT).until(() -> !caller.reoffers.isEmpty());
        String reoffer = caller.reoffers.getFirst();
        // Sent again (and again) until answered, the re-offer comes to carry the candidates gathered since.
        String again = await().atMost(WAIT).until(() -> caller.session.unansweredReoffer().orElseThrow(),
                sdp -> sdp.contains(" 127.0.0.1 "));
        assertThat(ufragOf(again)).isEqualTo(ufragOf(reoffer));

        String reanswer = callee.session.acceptRenegotiation(reoffer).get();
        String reanswerAgain = await().atMost(WAIT).until(() -> callee.session.acceptRenegotiation(again).get(),
                sdp -> sdp.contains(" 127.0.0.1 "));
        assertThat(ufragOf(reanswerAgain)).isEqualTo(ufragOf(reanswer));
        caller.session.acceptRenegotiationAnswer(reanswer);
        caller.session.acceptRenegotiationAnswer(reanswerAgain);
        assertThat(caller.session.unansweredReoffer()).as("answered").isEmpty();
        caller.session.addRemoteCandidate(throughRelay);
        relay.impairBoth(Impairment.NONE);

        await().atMost(WAIT).until(() -> bothAre(caller, callee, CallMediaState.CONNECTED));
        assertThat(caller.states).containsSubsequence(CallMediaState.CONNECTED, CallMediaState.RECONNECTING,
                CallMediaState.CONNECTED);
        assertThat(List.of(caller.session.restarts(), callee.session.restarts())).containsExactly(1, 1);
        assertThat(caller.reoffers).hasSize(1);
    }

    private static boolean bothAre(Side a, Side b, CallMediaState state) {
        return a.session.state() == state && b.session.state() == state;
    }

    private static String ufragOf(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("a=ice-ufrag:")).findFirst().orElseThrow();
    }

    /** One device's session; the caller reaches the callee only through the relay. */
    private final class Side implements CallSessionListener {
        final CallSession session;
        final List<String> candidates = new CopyOnWriteArrayList<>();
        final List<String> reoffers = new CopyOnWriteArrayList<>();
        final List<CallMediaState> states = new CopyOnWriteArrayList<>();

        Side(long seed) {
            session = sessions.session(seed, this);
        }

        @Override
        public void localCandidate(String line) {
            candidates.add(line);
        }

        @Override
        public void stateChanged(CallMediaState state) {
            states.add(state);
        }

        @Override
        public void renegotiationNeeded(String offerSdp) {
            reoffers.add(offerSdp);
        }
    }
}
