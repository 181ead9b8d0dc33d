package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.net.impairment.Direction;
import dev.confab.testkit.net.impairment.Impairment;
import dev.confab.testkit.net.impairment.ImpairmentRelay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Two sessions of a test that reach each other only through the seeded impairment relay, which impairs both ways from
 * the start, so ICE and the DTLS handshake set up through it too: candidates are not exchanged, the caller is given the
 * relay's address and the callee learns the caller's as peer-reflexive.
 *
 * @param caller              the offering session
 * @param callee              the answering session
 * @param relay               the relay between them (closed after the test)
 * @param connectedAfterNanos how long after the caller took the answer both were connected
 */
record RelayedCall(CallSession caller, CallSession callee, ImpairmentRelay relay, long connectedAfterNanos) {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /**
     * Offers, answers ({@code prepareCallee} runs on the callee's session before it takes the offer) and waits until
     * both sessions are connected through a relay impairing both ways with {@code impairment}; sessions and relay are
     * seeded from {@code seed}.
     */
    static RelayedCall connect(SessionFixture sessions, long seed, Impairment impairment,
            Consumer<CallSession> prepareCallee) throws Exception {
        Side caller = new Side(sessions, seed * 10 + 1);
        Side callee = new Side(sessions, seed * 10 + 2);
        prepareCallee.accept(callee.session);
        String answer = callee.session.acceptOffer(caller.session.createOffer());
        ImpairmentRelay relay = ImpairmentRelay.builder().peerB(SessionFixture.loopbackCandidate(callee.candidates))
                .seed(seed).start();
        sessions.closeAfter(relay);
        relay.impairBoth(impairment);
        long settingUp = System.nanoTime();
        caller.session.acceptAnswer(answer);
        caller.session.addRemoteCandidate("candidate:1 1 udp 2130706431 " + relay.addressA().getAddress()
                .getHostAddress() + " " + relay.addressA().getPort() + " typ host");
        caller.session.addRemoteCandidate("");
        await().atMost(WAIT).untilAsserted(() -> assertThat(List.of(caller.session.state(), callee.session.state()))
                .as("caller, callee; relay " + relay.counters(Direction.A_TO_B) + " / "
                        + relay.counters(Direction.B_TO_A))
                .containsOnly(CallMediaState.CONNECTED));
        return new RelayedCall(caller.session, callee.session, relay, System.nanoTime() - settingUp);
    }

    /** One device's session and the candidates it gathered, which go to no one. */
    private static final class Side implements CallSessionListener {
        final CallSession session;
        final List<String> candidates = new CopyOnWriteArrayList<>();

        Side(SessionFixture sessions, long seed) {
            session = sessions.session(seed, this);
        }

        @Override
        public void localCandidate(String line) {
            candidates.add(line);
        }
    }
}
