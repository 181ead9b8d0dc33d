package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.media.sdp.CandidateType;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Restarts driven by {@link IceRestarter}, and candidates that overtake their generation's credentials. */
class IceRestarterTest {

    private static final IceAgentConfig CONFIG = IceAgentConfig.defaults().withLoopback(true);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aDisconnectOnTheControllingSideRestartsBothSidesAndTheyReconnect() throws Exception {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 11).connect()) {
            awaitNominated(pair);
            IceCredentials oldA = pair.a.agent.localCredentials();
            IceCredentials oldB = pair.b.agent.localCredentials();
            CandidatePair oldPair = pair.a.agent.selectedPair().orElseThrow();

            pair.a.restarter.stateChanged(IceState.DISCONNECTED);

            await().atMost(WAIT).until(() -> !pair.b.agent.localCredentials().equals(oldB)
                    && !pair.a.agent.localCredentials().equals(oldA));
            await().atMost(WAIT).until(() -> pair.a.agent.selectedPair().filter(p -> p != oldPair)
                    .map(CandidatePair::nominated).orElse(false));
            awaitNominated(pair);
            assertThat(pair.a.restarter.restarts()).isEqualTo(1);
            assertThat(pair.b.restarter.restarts()).isEqualTo(1);
            byte[] rtp = {(byte) 0x80, 111, 0, 9};
            pair.a.agent.send(rtp, 0, rtp.length);
            await().atMost(WAIT).until(() -> pair.b.received.stream().anyMatch(d -> d[3] == 9));
        }
    }

    @Test
    void theControlledSideDoesNotStartRestarts() {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 12).connect()) {
            awaitNominated(pair);

            pair.b.restarter.stateChanged(IceState.DISCONNECTED);

            assertThat(pair.b.restarter.restarts()).isZero();
        }
    }

    @Test
    void candidatesOfAnUnknownGenerationWaitForItsCredentialsAndOthersAreNeverUsed() {
        try (AgentPair pair = new AgentPair(CONFIG, IceRole.CONTROLLING, IceRole.CONTROLLED, 13)) {
            pair.a.trickle = false;
            pair.a.agent.start().join();
            pair.b.agent.start().join();
            await().atMost(WAIT).until(() -> pair.a.gatheringComplete);
            pair.b.agent.addRemoteCandidate(new RemoteCandidate(CandidateType.HOST,
                    new InetSocketAddress("127.0.0.1", 9), 1000, "stale"), "oldUfrag");
            for (LocalCandidate candidate : pair.a.gathered) {
                pair.b.agent.addRemoteCandidate(AgentPair.asRemote(candidate), pair.a.agent.localCredentials().ufrag());
            }

            pair.a.agent.remoteCredentials(pair.b.agent.localCredentials());
            pair.b.agent.remoteCredentials(pair.a.agent.localCredentials());

            awaitNominated(pair);
            assertThat(pair.b.agent.selectedPair().orElseThrow().remote().foundation()).isNotEqualTo("stale");
        }
    }

    private static void awaitNominated(AgentPair pair) {
        await().atMost(WAIT).until(() -> pair.a.agent.selectedPair().map(CandidatePair::nominated).orElse(false)
                && pair.b.agent.selectedPair().map(CandidatePair::nominated).orElse(false)
                && pair.a.state() == IceState.CONNECTED && pair.b.state() == IceState.CONNECTED);
    }
}
