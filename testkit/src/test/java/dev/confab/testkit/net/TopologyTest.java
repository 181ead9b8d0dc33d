package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
