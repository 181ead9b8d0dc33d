package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void thePresetHasTwoPeersBehindTheirOwnNatsAndAPublicServer() {
        Topology topology = Topology.twoNattedPeersAndServer(NatMapping.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(topology.nats()).extracting(Topology.NatSpec::name).containsExactly("nata", "natb");
        assertThat(topology.nats()).allMatch(n -> n.mapping() == NatMapping.ADDRESS_AND_PORT_DEPENDENT);
        assertThat(topology.hostsBehind("nata")).extracting(Topology.HostSpec::name).containsExactly("alice");
        assertThat(topology.hostsBehind("natb")).extracting(Topology.HostSpec::name).containsExactly("bob");
        assertThat(topology.publicHosts()).extracting(Topology.HostSpec::name).containsExactly("server");
    }

    @Test
    void theMultiHomedPresetGivesAliceASecondUplinkBehindAThirdNat() {
        Topology topology = Topology.twoNattedPeersAndServerWithMultiHomedAlice(NatMapping.ENDPOINT_INDEPENDENT);
        assertThat(topology.nats()).extracting(Topology.NatSpec::name).containsExactly("nata", "natb", "natc");
        assertThat(topology.hosts()).containsExactly(
                new Topology.HostSpec("alice", List.of(Segment.lanOf("nata"), Segment.lanOf("natc"))),
                new Topology.HostSpec("bob", List.of(Segment.lanOf("natb"))),
                new Topology.HostSpec("server", List.of(Segment.PUBLIC)));
        assertThat(topology.hostsBehind("nata")).extracting(Topology.HostSpec::name).containsExactly("alice");
        assertThat(topology.hostsBehind("natc")).as("only eth0 counts").isEmpty();
        assertThat(topology.uplinksOn(Segment.lanOf("natc"))).containsExactly(new Topology.UplinkSpec("alice", 1));
    }

    @Test
    void eachSegmentListsItsEth0sBeforeItsEth1s() {
        Topology topology = Topology.builder().nat("home", NatMapping.ENDPOINT_INDEPENDENT)
                .nat("cafe", NatMapping.ENDPOINT_INDEPENDENT)
                .hostBehind("alice", "cafe").secondUplinkBehind("alice", "home")
                .hostBehind("bob", "home").secondPublicUplink("bob")
                .publicHost("server").hostBehind("carol", "cafe").build();
        assertThat(topology.uplinksOn(Segment.lanOf("home"))).containsExactly(
                new Topology.UplinkSpec("bob", 0), new Topology.UplinkSpec("alice", 1));
        assertThat(topology.uplinksOn(Segment.lanOf("cafe"))).containsExactly(
                new Topology.UplinkSpec("alice", 0), new Topology.UplinkSpec("carol", 0));
        assertThat(topology.uplinksOn(Segment.PUBLIC)).containsExactly(
                new Topology.UplinkSpec("server", 0), new Topology.UplinkSpec("bob", 1));
        assertThat(new Topology.UplinkSpec("bob", 1).device()).isEqualTo("eth1");
    }

    @Test
    void refusesASecondUplinkThatIsNotASecondSegmentOfADeclaredHost() {
        Topology.Builder builder = Topology.builder().nat("home", NatMapping.ENDPOINT_INDEPENDENT)
                .nat("cafe", NatMapping.ENDPOINT_INDEPENDENT).hostBehind("alice", "home").publicHost("server");
        assertThatThrownBy(() -> builder.secondUplinkBehind("bob", "cafe"))
                .hasMessageContaining("Declare host bob before its second uplink");
        assertThatThrownBy(() -> builder.secondUplinkBehind("alice", "home"))
                .hasMessageContaining("alice has two uplinks to the LAN of home");
        assertThatThrownBy(() -> builder.secondPublicUplink("server"))
                .hasMessageContaining("server has two uplinks to the public segment");
        builder.secondUplinkBehind("alice", "cafe");
        assertThatThrownBy(() -> builder.secondPublicUplink("alice"))
                .hasMessageContaining("alice already has a second uplink, to the LAN of cafe");
        assertThatThrownBy(() -> builder.secondUplinkBehind("server", "office").build())
                .hasMessageContaining("server is behind an undeclared NAT: office");
    }

    @Test
    void refusesNamesThatCannotBeNamespacesOrAreUsedTwice() {
        assertThatThrownBy(() -> Topology.builder().publicHost("Alice").build()).hasMessageContaining("Bad node name 'Alice'");
        assertThatThrownBy(() -> Topology.builder().publicHost("averyveryverylongname").build())
                .hasMessageContaining("Bad node name");
        assertThatThrownBy(() -> Topology.builder().publicHost("wan").build()).hasMessageContaining("not 'wan'");
        assertThatThrownBy(() -> Topology.builder().nat("x", NatMapping.ENDPOINT_INDEPENDENT).publicHost("x").build())
                .hasMessageContaining("used twice: x");
    }

    @Test
    void refusesAHostBehindAnUndeclaredNat() {
        assertThatThrownBy(() -> Topology.builder().hostBehind("alice", "home").build())
                .hasMessageContaining("undeclared NAT: home");
    }
}
