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
 * servers on the public segment: the call goes through a relay, and when that relay dies an ICE restart moves it to the
 * other one.
 */
class IceThroughRelayTest {

    private static final int FIRST_RELAY_PORTS = 49152;
    private static final int SECOND_RELAY_PORTS = 49252;

    @RegisterExtension
    final NetworkLabExtension labs = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServer(NatMapping.ADDRESS_AND_PORT_DEPENDENT));

    @Test
    void whenTheRelayInUseDisappearsIceRestartsOntoTheOtherRelay() {
        NetworkLab lab = labs.lab();
        LabCoturn first = LabCoturn.start(lab.host("server"), 3478, FIRST_RELAY_PORTS);
        LabCoturn second = LabCoturn.start(lab.host("server"), 3479, SECOND_RELAY_PORTS);
        RemoteAgent alice = new RemoteAgent(lab.host("alice"));
        RemoteAgent bob = new RemoteAgent(lab.host("bob"));
        RemoteAgent.connect(alice, new String[] {first.turnOption("alice"), second.turnOption("alice"), "relay-only"},
                bob, new String[] {first.turnOption("bob"), second.turnOption("bob"), "relay-only"});
        boolean firstInUse = usesRelayPorts(alice.selected.getLast(), FIRST_RELAY_PORTS);

        (firstInUse ? first : second).close();
        double recoveredSeconds = RemoteAgent.secondsUntilMediaFlows(alice, bob, System.nanoTime());

        System.out.printf("media flowed again %.2f s after the relay died%n", recoveredSeconds);
        assertThat(alice.restarts).as(alice.toString()).isNotEmpty();
        assertThat(usesRelayPorts(alice.selected.getLast(), firstInUse ? SECOND_RELAY_PORTS : FIRST_RELAY_PORTS))
                .as(alice.toString()).isTrue();
        assertThat(recoveredSeconds).as("seconds until media flowed again").isLessThan(5.0);
    }

    /** Whether a {@code selected:} event names a relayed address in the 50 ports from {@code from}. */
    private static boolean usesRelayPorts(String selected, int from) {
        for (String part : selected.split(",")) {
            int colon = part.lastIndexOf(':');
            if (part.startsWith("/203.0.113.10:")) {
                int port = Integer.parseInt(part.substring(colon + 1));
                if (port >= from && port < from + 50) {
                    return true;
                }
            }
        }
        return false;
    }
}
