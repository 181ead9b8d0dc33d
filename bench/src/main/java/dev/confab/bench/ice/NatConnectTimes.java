package dev.confab.bench.ice;

import dev.confab.testkit.Coturn;
import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NatMapping;
import dev.confab.testkit.net.NetworkLab;
import dev.confab.testkit.net.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Call set-ups across the network lab: alice and bob each behind their own NAT (endpoint-independent mapping, as most
 * home routers), coturn answering STUN on the public server, so the peers connect through server-reflexive and
 * peer-reflexive candidates. The same steps for Confab and Chromium peers ({@link NatPeer}): alice offers a complete
 * description, bob answers with a complete one, alice takes it; the test relays both, and the time they spent in the
 * relay is measured (the offerer's time from its offer being ready to the answer being taken, less the answerer's own
 * time) and reported beside the connect times it is part of.
 *
 * <p>Thread contract: one thread; {@link #close()} stops coturn and removes the lab.
 */
final class NatConnectTimes implements AutoCloseable {

    /**
     * One call set-up across the NATs.
     *
     * @param time               the offerer's connect times
     * @param offerReadyMillis   the offerer's time when its complete offer was ready (gathering done)
     * @param answerTakenMillis  the offerer's time when it had taken the answer
     * @param relayMillis        how long the offer and the answer spent in the test's relay, included in {@code time}
     */
    record Sample(ConnectTime time, double offerReadyMillis, double answerTakenMillis, double relayMillis) {

        /** The offerer's connect times counted from when it had taken the answer: checks and handshake alone. */
        ConnectTime sinceAnswerTaken() {
            return new ConnectTime(time.iceConnectedMillis() - answerTakenMillis,
                    time.dtlsConnectedMillis() - answerTakenMillis);
        }
    }

    private final NetworkLab lab;
    private final Coturn coturn;
    private final String stun;

    /** Builds the lab and starts coturn in it. */
    NatConnectTimes() {
        lab = NetworkLab.start(Topology.twoNattedPeersAndServer(NatMapping.ENDPOINT_INDEPENDENT));
        try {
            Host server = lab.host("server");
            coturn = Coturn.start(Coturn.Options.loopback().inNamespace(
                    List.of("ip", "netns", "exec", server.namespace()), server.address().getHostAddress()));
            stun = coturn.address().getAddress().getHostAddress() + ":" + coturn.address().getPort();
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** The first set-up between fresh peers, once per run, each pair closed after it. */
    List<Sample> cold(Function<Host, NatPeer> peers, int runs) {
        List<Sample> samples = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (NatPeer alice = peers.apply(lab.host("alice")); NatPeer bob = peers.apply(lab.host("bob"))) {
                samples.add(once(alice, bob));
            }
        }
        return samples;
    }

    /** {@code measured} set-ups between one pair of peers after {@code warmUp} unmeasured ones. */
    List<Sample> warm(Function<Host, NatPeer> peers, int warmUp, int measured) {
        List<Sample> samples = new ArrayList<>();
        try (NatPeer alice = peers.apply(lab.host("alice")); NatPeer bob = peers.apply(lab.host("bob"))) {
            for (int i = 0; i < warmUp + measured; i++) {
                Sample sample = once(alice, bob);
                if (i >= warmUp) {
                    samples.add(sample);
                }
            }
        }
        return samples;
    }

    private Sample once(NatPeer offerer, NatPeer answerer) {
        NatPeer.Offer offer = offerer.offer(stun);
        NatPeer.Answer answer = answerer.answer(stun, offer.sdp());
        double applied = offerer.answered(answer.sdp());
        ConnectTime time = offerer.times();
        answerer.times();
        offerer.hangUp();
        answerer.hangUp();
        return new Sample(time, offer.readyMillis(), applied, applied - offer.readyMillis() - answer.busyMillis());
    }

    @Override
    public void close() {
        try {
            coturn.close();
        } finally {
            lab.close();
        }
    }
}
