package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.media.sdp.CandidateType;
import dev.confab.media.turn.TurnRestCredentials;
import dev.confab.testkit.Coturn;
import dev.confab.testkit.FreePorts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Agents with a TURN server, a real coturn on loopback: relay-only agents, wrong credentials, STUN and TURN in one. */
class IceRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final Coturn coturn = Coturn.start();

    @AfterEach
    void stopCoturn() {
        coturn.close();
    }

    @Test
    void relayOnlyAgentsConnectThroughTurnAndCarryMedia() {
        IceAgentConfig config = IceAgentConfig.defaults().withLoopback(true).withRelayOnly(true)
                .withTurnServers(List.of(new TurnServer(coturn.address(), TurnRestCredentials.issue(coturn.secret(),
                        "user-1", Instant.now().plusSeconds(600)))));
        try (AgentPair pair = new AgentPair(config, IceRole.CONTROLLING, IceRole.CONTROLLED, 21).connect()) {
            await().atMost(WAIT).until(() -> pair.a.agent.selectedPair().map(CandidatePair::nominated).orElse(false)
                    && pair.b.agent.selectedPair().map(CandidatePair::nominated).orElse(false));

            assertThat(pair.a.gathered).isNotEmpty().allSatisfy(c -> assertThat(c.type()).isEqualTo(CandidateType.RELAY));
            assertThat(pair.a.agent.selectedPair().orElseThrow().local().type()).isEqualTo(CandidateType.RELAY);
            assertThat(pair.a.agent.selectedPair().orElseThrow().remote().type())
                    .isIn(CandidateType.RELAY, CandidateType.PRFLX);
            byte[] rtp = {(byte) 0x80, 111, 0, 1};
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
                pair.a.agent.send(rtp, 0, rtp.length);
                return !pair.b.received.isEmpty();
            });
            assertThat(pair.b.received.getFirst()).isEqualTo(rtp);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The TURN server is the STUN server too: the answer to the Binding request comes from the allocation's server
     * address and must still reach the base, or the Binding is retransmitted until it gives up after 3.3 s and holds up
     * the end of gathering that long.
     */
    @Test
    void aTurnServerThatIsAlsoTheStunServerAnswersBothAndGatheringEndsAtOnce() {
        IceAgentConfig config = IceAgentConfig.defaults().withLoopback(true)
                .withStunServers(List.of(coturn.address()))
                .withTurnServers(List.of(new TurnServer(coturn.address(), TurnRestCredentials.issue(coturn.secret(),
                        "user-1", Instant.now().plusSeconds(600)))));
        try (AgentPair pair = new AgentPair(config, IceRole.CONTROLLING, IceRole.CONTROLLED, 23)) {
            pair.a.agent.start().join();

            await().atMost(Duration.ofSeconds(2)).until(() -> pair.a.gatheringComplete);
            assertThat(pair.a.gathered).anyMatch(c -> c.type() == CandidateType.RELAY);
            assertThat(pair.a.agent.droppedDatagrams()).as(pair.a.agent.diagnostics()).isZero();
        }
    }

    /**
     * The peer's candidates and its end-of-candidates arrive before this relay-only agent has its own relay (the
     * callee answers, and the caller's trickled candidates held while it rang are handed over at once): with no pair
     * yet, it must wait for its own gathering instead of failing.
     */
    @Test
    void anAgentThatHearsThePeersLastCandidateBeforeItsOwnRelayIsReadyWaitsForIt() {
        try (AgentPair pair = new AgentPair(relayOnly(), IceRole.CONTROLLING, IceRole.CONTROLLED, 25)) {
            pair.a.agent.start().join();
            await().atMost(WAIT).until(() -> pair.a.gatheringComplete);
            pair.b.agent.remoteCredentials(pair.a.agent.localCredentials());
            pair.b.agent.endOfRemoteCandidates();
            pair.b.agent.start().join();
            pair.a.agent.remoteCredentials(pair.b.agent.localCredentials());

            await().atMost(WAIT).until(() -> pair.b.agent.state() == IceState.CONNECTED
                    || pair.b.agent.state() == IceState.FAILED);
            assertThat(pair.b.states).as(pair.b.agent.diagnostics()).doesNotContain(IceState.FAILED)
                    .contains(IceState.CONNECTED);
        }
    }

    /** coturn deletes a released allocation on its next timer tick (about 1 s), closing the relayed port. */
    @Test
    void closingTheAgentsReleasesTheirAllocations() {
        AgentPair pair = new AgentPair(relayOnly(), IceRole.CONTROLLING, IceRole.CONTROLLED, 23).connect();
        await().atMost(WAIT).until(() -> pair.a.agent.selectedPair().isPresent() && pair.b.gatheringComplete);
        List<Integer> relayedPorts = java.util.stream.Stream.concat(pair.a.gathered.stream(), pair.b.gathered.stream())
                .map(c -> c.address().getPort()).toList();
        assertThat(relayedPorts).isNotEmpty().allMatch(FreePorts::udpBound);

        pair.close();

        for (int port : relayedPorts) {
            await("coturn closing relayed port " + port).atMost(WAIT).until(() -> !FreePorts.udpBound(port));
        }
    }

    private IceAgentConfig relayOnly() {
        return IceAgentConfig.defaults().withLoopback(true).withRelayOnly(true)
                .withTurnServers(List.of(new TurnServer(coturn.address(), TurnRestCredentials.issue(coturn.secret(),
                        "user-1", Instant.now().plusSeconds(600)))));
    }

    @Test
    void wrongTurnCredentialsGiveNoRelayedCandidateAndGatheringStillEnds() {
        IceAgentConfig config = IceAgentConfig.defaults().withLoopback(true).withRelayOnly(true)
                .withTurnServers(List.of(new TurnServer(coturn.address(), TurnRestCredentials.issue("wrong-secret",
                        "user-1", Instant.now().plusSeconds(600)))));
        try (AgentPair pair = new AgentPair(config, IceRole.CONTROLLING, IceRole.CONTROLLED, 22).connect()) {
            await().atMost(WAIT).until(() -> pair.a.gatheringComplete);

            assertThat(pair.a.gathered).isEmpty();
        }
    }
}
