package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NatMapping;
import dev.confab.testkit.net.NetworkLab;
import dev.confab.testkit.net.NetworkLabExtension;
import dev.confab.testkit.net.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two agents, each in its own network namespace behind its own NAT (iptables MASQUERADE, endpoint-independent
 * mapping; alice has a second uplink behind a third NAT), with coturn answering STUN on the public segment: they find
 * each other through server-reflexive and peer-reflexive candidates, since neither can reach the other's private
 * address, and find each other again by an ICE restart when the path they use dies.
 */
class IceAcrossNatTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Alice has a second uplink behind a third NAT; bob and the server as before. */
    @RegisterExtension
    final NetworkLabExtension labs = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServerWithMultiHomedAlice(NatMapping.ENDPOINT_INDEPENDENT));

    @Test
    void agentsBehindTwoNatsConnectThroughReflexiveCandidates() {
        NetworkLab lab = labs.lab();
        String stun = LabCoturn.start(lab.host("server")).address();
        RemoteAgent alice = new RemoteAgent(lab.host("alice"));
        RemoteAgent bob = new RemoteAgent(lab.host("bob"));

        RemoteAgent.connect(alice, new String[] {"stun=" + stun}, bob, new String[] {"stun=" + stun});

        List<String> alicePublic = lab.host("alice").interfaces().stream()
                .map(i -> i.publicAddress().getHostAddress()).toList();
        assertThat(alice.candidates).anyMatch(c -> c.startsWith("SRFLX," + alicePublic.get(0) + ","))
                .anyMatch(c -> c.startsWith("SRFLX," + alicePublic.get(1) + ","));
        assertThat(alicePublic).as(bob.toString()).anyMatch(ip -> bob.selected.getLast().contains("/" + ip + ":"));
        assertThat(alice.send("80ff0001")).isTrue();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            bob.poll(alice);
            return bob.received.contains("80ff0001");
        });
    }

    /**
     * When the uplink under the selected path is unplugged, the agents notice within seconds, restart ICE by
     * themselves and carry media over alice's other uplink, within 5 s of the cut.
     */
    @Test
    void whenTheSelectedPathsInterfaceGoesDownIceRestartsOverTheOtherWithinFiveSeconds() {
        NetworkLab lab = labs.lab();
        String stun = LabCoturn.start(lab.host("server")).address();
        Host aliceHost = lab.host("alice");
        RemoteAgent alice = new RemoteAgent(aliceHost);
        RemoteAgent bob = new RemoteAgent(lab.host("bob"));
        RemoteAgent.connect(alice, new String[] {"stun=" + stun}, bob, new String[] {"stun=" + stun});
        String eth0 = aliceHost.address().getHostAddress();
        int cut = alice.selected.getLast().contains(eth0 + ":") ? 0 : 1;


        aliceHost.uplink(cut).down();
        double recoveredSeconds = RemoteAgent.secondsUntilMediaFlows(alice, bob, System.nanoTime());

        System.out.printf("media flowed again %.2f s after the cut%n", recoveredSeconds);
        assertThat(alice.restarts).as(alice.toString()).isNotEmpty();
        String other = aliceHost.addresses().get(1 - cut).getHostAddress();
        assertThat(alice.selected.getLast()).as(alice.toString()).contains(other + ":");
        assertThat(recoveredSeconds).as("seconds from the cut until media arrived again").isLessThan(5.0);
    }
}
