package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.net.NatMapping;
import dev.confab.testkit.net.NetworkLab;
import dev.confab.testkit.net.NetworkLabExtension;
import dev.confab.testkit.net.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two relay-only agents behind symmetric NATs (address- and port-dependent mapping: no hole punching), with two coturn
 * servers on two public hosts: the call goes through a relay, and when that relay dies an ICE restart moves it to the
 * other one.
 */
class IceThroughRelayTest {


    /** Alice and bob behind symmetric NATs, and two public hosts with a TURN server each. */
    @RegisterExtension
    final NetworkLabExtension labs = NetworkLabExtension.of(Topology.builder()
            .nat("nata", NatMapping.ADDRESS_AND_PORT_DEPENDENT).nat("natb", NatMapping.ADDRESS_AND_PORT_DEPENDENT)
            .hostBehind("alice", "nata").hostBehind("bob", "natb").publicHost("server").publicHost("server2")
            .build());

    @Test
    void whenTheRelayInUseDisappearsIceRestartsOntoTheOtherRelay() {
        NetworkLab lab = labs.lab();
        LabCoturn first = LabCoturn.start(lab.host("server"));
        LabCoturn second = LabCoturn.start(lab.host("server2"));
        String firstIp = lab.host("server").address().getHostAddress();
        String secondIp = lab.host("server2").address().getHostAddress();
        RemoteAgent alice = new RemoteAgent(lab.host("alice"));
        RemoteAgent bob = new RemoteAgent(lab.host("bob"));
        RemoteAgent.connect(alice, new String[] {first.turnOption("alice"), second.turnOption("alice"), "relay-only"},
                bob, new String[] {first.turnOption("bob"), second.turnOption("bob"), "relay-only"});
        boolean firstInUse = alice.selected.getLast().contains("/" + firstIp + ":");

        (firstInUse ? first : second).close();
        double recoveredSeconds = RemoteAgent.secondsUntilMediaFlows(alice, bob, System.nanoTime());

        System.out.printf("media flowed again %.2f s after the relay died%n", recoveredSeconds);
        assertThat(alice.restarts).as(alice.toString()).isNotEmpty();
        assertThat(alice.selected.getLast()).as(alice.toString()).contains("/" + (firstInUse ? secondIp : firstIp) + ":");
        assertThat(recoveredSeconds).as("seconds until media flowed again").isLessThan(5.0);
    }
}
