package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Alice behind a NAT with a second uplink straight onto the public segment, the server's own segment: only what is
 * bound to the public address uses it, everything else still goes through the NAT.
 */
class PublicSecondUplinkTest {
    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(3);

    @RegisterExtension
    final NetworkLabExtension network = NetworkLabExtension.of(Topology.builder()
            .nat("home", NatMapping.ENDPOINT_INDEPENDENT).hostBehind("alice", "home").secondPublicUplink("alice")
            .publicHost("server").build());

    @Test
    void onlyWhatIsBoundToThePublicAddressBypassesTheNat() {
        NetworkLab lab = network.lab();
        Host alice = lab.host("alice");
        assertThat(alice.addresses()).extracting(InetAddress::getHostAddress).containsExactly("10.0.1.2", "203.0.113.11");
        assertThat(alice.interfaces().get(1).nat()).isEmpty();
        assertThat(alice.interfaces().get(1).publicAddress()).isEqualTo(alice.addresses().get(1));

        UplinkPaths paths = UplinkPaths.open(lab);
        paths.assertRoundTrip(0, "bound to eth0, through the NAT", "");
        paths.assertRoundTrip(1, "bound to eth1, no NAT", "");

        ProbeSocket unbound = ProbeSocket.bind(alice, 40100);
        unbound.send(paths.serverAddress(), UplinkPaths.SERVER_PORT, "unbound");
        assertThat(paths.server().receive(ARRIVES_WITHIN)).as("the main table routes by eth0 only")
                .isEqualTo(new ProbeSocket.Received(lab.nat("home").publicAddress().getHostAddress(), 40100, "unbound"));
    }
}
