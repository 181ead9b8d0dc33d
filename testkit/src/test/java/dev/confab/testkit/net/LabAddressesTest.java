package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LabAddressesTest {
    private static final NatMapping CONE = NatMapping.ENDPOINT_INDEPENDENT;

    @Test
    void theMultiHomedPresetNumbersAsDocumented() {
        LabAddresses addresses = new LabAddresses(Topology.twoNattedPeersAndServerWithMultiHomedAlice(CONE));
        assertThat(of(addresses, "alice", 0)).isEqualTo("10.0.1.2");
        assertThat(of(addresses, "alice", 1)).isEqualTo("10.0.3.2");
        assertThat(of(addresses, "bob", 0)).isEqualTo("10.0.2.2");
        assertThat(of(addresses, "server", 0)).isEqualTo("203.0.113.10");
        assertThat(addresses.natPublic("natc").getHostAddress()).isEqualTo("203.0.113.102");
        assertThat(addresses.gateway(Segment.lanOf("natc")).map(InetAddress::getHostAddress)).contains("10.0.3.1");
        assertThat(addresses.gateway(Segment.PUBLIC)).isEmpty();
        assertThat(addresses.network(Segment.lanOf("natc"))).isEqualTo("10.0.3.0/24");
        assertThat(addresses.network(Segment.PUBLIC)).isEqualTo("203.0.113.0/24");
    }

    @Test
    void aSecondUplinkComesAfterTheSegmentsEth0sAndMovesNoneOfThem() {
        Topology.Builder single = Topology.builder().nat("home", CONE).nat("cafe", CONE)
                .hostBehind("alice", "home").hostBehind("bob", "cafe").hostBehind("carol", "cafe").publicHost("server");
        LabAddresses before = new LabAddresses(single.build());
        LabAddresses after = new LabAddresses(single.secondUplinkBehind("alice", "cafe").build());

        for (String host : new String[] {"alice", "bob", "carol", "server"}) {
            assertThat(of(after, host, 0)).as(host).isEqualTo(of(before, host, 0));
        }
        assertThat(of(after, "alice", 1)).isEqualTo("10.0.2.4");
    }

    @Test
    void aSecondPublicUplinkIsNumberedAfterThePublicHosts() {
        LabAddresses addresses = new LabAddresses(Topology.builder().nat("home", CONE)
                .hostBehind("alice", "home").secondPublicUplink("alice").publicHost("server").publicHost("turn").build());
        assertThat(of(addresses, "alice", 1)).isEqualTo("203.0.113.12");
        assertThat(of(addresses, "turn", 0)).isEqualTo("203.0.113.11");
        assertThatThrownBy(() -> addresses.of(new Topology.UplinkSpec("server", 1)))
                .hasMessageContaining("No interface eth1 on host server");
    }

    private static String of(LabAddresses addresses, String host, int uplink) {
        return addresses.of(new Topology.UplinkSpec(host, uplink)).getHostAddress();
    }
}
