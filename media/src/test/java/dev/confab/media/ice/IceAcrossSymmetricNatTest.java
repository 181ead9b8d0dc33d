package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.net.NatMapping;
import dev.confab.testkit.net.NetworkLab;
import dev.confab.testkit.net.Topology;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two agents with STUN and TURN on the same coturn (not relay-only), behind NATs of which at least one is symmetric
 * (a new public port for every destination, and like all lab NATs it lets in only what answers a flow started
 * inside): there is no direct path, so the call must go through a relay and stay up. Each agent also signals its
 * private host address, which the TURN server on the public segment cannot reach; a relayed check sent there would
 * make coturn drop the allocation, and with it every relayed path.
 */
class IceAcrossSymmetricNatTest {

    private static final String RELAY_ADDRESS = "/203.0.113.10:";

    @ParameterizedTest(name = "alice behind {0}, bob behind {1}")
    @CsvSource({
        "ADDRESS_AND_PORT_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT",
        "ADDRESS_AND_PORT_DEPENDENT, ENDPOINT_INDEPENDENT",
        "ENDPOINT_INDEPENDENT, ADDRESS_AND_PORT_DEPENDENT",
    })
    void agentsWithStunAndTurnConnectThroughTheRelayAndCarryMediaBothWays(NatMapping aliceNat, NatMapping bobNat) {
        try (NetworkLab lab = NetworkLab.start(Topology.builder().nat("nata", aliceNat).nat("natb", bobNat)
                .hostBehind("alice", "nata").hostBehind("bob", "natb").publicHost("server").build())) {
            LabCoturn turn = LabCoturn.start(lab.host("server"));
            RemoteAgent alice = new RemoteAgent(lab.host("alice"));
            RemoteAgent bob = new RemoteAgent(lab.host("bob"));

            RemoteAgent.connect(alice, new String[] {"stun=" + turn.address(), turn.turnOption("alice")},
                    bob, new String[] {"stun=" + turn.address(), turn.turnOption("bob")});
            RemoteAgent.secondsUntilMediaFlows(alice, bob, System.nanoTime());
            RemoteAgent.secondsUntilMediaFlows(bob, alice, System.nanoTime());

            assertThat(alice.selected.getLast()).as(alice.toString()).contains(RELAY_ADDRESS);
            assertThat(bob.selected.getLast()).as(bob.toString()).contains(RELAY_ADDRESS);
            // Longer than the 2.5 s after which an agent whose consent checks go unanswered is DISCONNECTED.
            await("both agents staying connected").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        alice.poll(bob);
                        bob.poll(alice);
                        return alice.state().equals("CONNECTED") && bob.state().equals("CONNECTED");
                    });
            assertThat(alice.states).as(alice.toString()).containsExactly("CHECKING", "CONNECTED");
            assertThat(bob.states).as(bob.toString()).containsExactly("CHECKING", "CONNECTED");
        }
    }
}
