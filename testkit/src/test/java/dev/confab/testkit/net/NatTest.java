package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the lab's NAT routers do to UDP, checked with real datagrams between namespaces. */
class NatTest {
    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(3);

    @RegisterExtension
    final NetworkLabExtension network = NetworkLabExtension.of(Topology.builder()
            .nat("cone", NatMapping.ENDPOINT_INDEPENDENT).nat("sym", NatMapping.ADDRESS_AND_PORT_DEPENDENT)
            .nat("cone2", NatMapping.ENDPOINT_INDEPENDENT)
            .hostBehind("alice", "cone").hostBehind("bob", "sym").hostBehind("carol", "cone2").publicHost("server")
            .build());

    @Test
    void theServerSeesTheRoutersPublicAddressAndItsReplyComesBack() {
        Host alice = network.lab().host("alice");
        Host server = network.lab().host("server");
        ProbeSocket stun = ProbeSocket.bind(server, 3478);
        ProbeSocket peer = ProbeSocket.bind(alice, 40000);

        peer.send(server.address(), 3478, "binding request");
        ProbeSocket.Received request = stun.receive(ARRIVES_WITHIN);
        assertThat(request).isNotNull();
        assertThat(request.address()).isEqualTo("203.0.113.100").isEqualTo(alice.publicAddress().getHostAddress());
        assertThat(request.port()).as("Linux keeps a free source port").isEqualTo(40000);
        assertThat(request.text()).isEqualTo("binding request");

        stun.reply("binding response");
        assertThat(peer.receive(ARRIVES_WITHIN))
                .isEqualTo(new ProbeSocket.Received(server.address().getHostAddress(), 3478, "binding response"));
        assertThat(alice.nat().orElseThrow().udpMappings()).anyMatch(m -> m.contains("sport=40000 dport=3478"));
    }

    @Test
    void anUnsolicitedDatagramDoesNotReachThePrivateHost() throws Exception {
        Host alice = network.lab().host("alice");
        Host server = network.lab().host("server");
        ProbeSocket stun = ProbeSocket.bind(server, 3478);
        ProbeSocket stranger = ProbeSocket.bind(server, 5000);
        ProbeSocket peer = ProbeSocket.bind(alice, 40001);
        peer.send(server.address(), 3478, "opens a mapping to 3478 only");
        assertThat(stun.receive(ARRIVES_WITHIN)).isNotNull();

        stranger.send(alice.publicAddress(), 40001, "from another port");
        assertThat(peer.receive(ProbeSocket.NOTHING_ARRIVES_WITHIN)).as("filtered: not the mapping's remote").isNull();

        server.exec("ip", "route", "add", "10.0.0.0/8", "via", alice.publicAddress().getHostAddress()).orThrow();
        stranger.send(alice.address(), 40001, "straight to the private address");
        assertThat(peer.receive(ProbeSocket.NOTHING_ARRIVES_WITHIN)).as("the router forwards no new flow inwards").isNull();

        stun.send(alice.publicAddress(), 40001, "from the mapping's remote");
        assertThat(peer.receive(ARRIVES_WITHIN)).as("the same path works for the mapped remote")
                .isEqualTo(new ProbeSocket.Received(server.address().getHostAddress(), 3478, "from the mapping's remote"));
    }

    @Test
    void endpointIndependentMappingReusesThePortForEveryDestination() {
        assertThat(publicPortsTowardsTwoServerPorts("alice", 40002)).containsExactly(40002, 40002);
    }

    @Test
    void addressAndPortDependentMappingPicksANewPortPerDestination() {
        int[] ports = publicPortsTowardsTwoServerPorts("bob", 40003);
        assertThat(ports[0]).isNotEqualTo(ports[1]);
    }

    @Test
    void peersBehindEndpointIndependentNatsReachEachOtherAtTheirServerReflexiveAddresses() {
        Punch punch = punchHoles("alice", "carol", ARRIVES_WITHIN);
        assertThat(punch.secondHeard()).as("carol's NAT drops alice's first datagram: carol has not sent to alice yet")
                .isNull();
        assertThat(punch.firstHeard()).isNotNull();
        assertThat(punch.firstHeard().text()).isEqualTo("from carol");
        assertThat(punch.secondHeardAfterwards()).isNotNull();
        assertThat(punch.secondHeardAfterwards().text()).isEqualTo("from alice again");
    }

    @Test
    void aPeerBehindASymmetricNatCannotBeReachedAtItsServerReflexiveAddress() {
        Punch punch = punchHoles("alice", "bob", ProbeSocket.NOTHING_ARRIVES_WITHIN);
        assertThat(punch.secondHeard()).isNull();
        assertThat(punch.firstHeard()).as("bob's datagram leaves from a new port, which alice's NAT filters").isNull();
        assertThat(punch.secondHeardAfterwards()).isNull();
    }

    /** What each side heard while two peers tried to punch holes towards the addresses the server saw. */
    private record Punch(ProbeSocket.Received secondHeard, ProbeSocket.Received firstHeard,
            ProbeSocket.Received secondHeardAfterwards) {}

    /**
     * {@code first} and {@code second} each learn their server-reflexive address from the server; then first sends to
     * second's, second to first's, and first again to second's; each waits up to {@code answerWithin} for the answer.
     */
    private Punch punchHoles(String first, String second, Duration answerWithin) {
        Host server = network.lab().host("server");
        ProbeSocket stun = ProbeSocket.bind(server, 3478);
        ProbeSocket one = ProbeSocket.bind(network.lab().host(first), 40010);
        ProbeSocket two = ProbeSocket.bind(network.lab().host(second), 40011);
        one.send(server.address(), 3478, "binding request");
        ProbeSocket.Received oneReflexive = stun.receive(ARRIVES_WITHIN);
        two.send(server.address(), 3478, "binding request");
        ProbeSocket.Received twoReflexive = stun.receive(ARRIVES_WITHIN);

        one.send(address(twoReflexive), twoReflexive.port(), "from " + first);
        ProbeSocket.Received secondHeard = two.receive(ProbeSocket.NOTHING_ARRIVES_WITHIN);
        two.send(address(oneReflexive), oneReflexive.port(), "from " + second);
        ProbeSocket.Received firstHeard = one.receive(answerWithin);
        one.send(address(twoReflexive), twoReflexive.port(), "from " + first + " again");
        return new Punch(secondHeard, firstHeard, two.receive(answerWithin));
    }

    private static InetAddress address(ProbeSocket.Received seen) {
        try {
            return InetAddress.getByName(seen.address());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private int[] publicPortsTowardsTwoServerPorts(String hostName, int localPort) {
        Host host = network.lab().host(hostName);
        InetAddress server = network.lab().host("server").address();
        ProbeSocket first = ProbeSocket.bind(network.lab().host("server"), 6001);
        ProbeSocket second = ProbeSocket.bind(network.lab().host("server"), 6002);
        ProbeSocket peer = ProbeSocket.bind(host, localPort);
        peer.send(server, 6001, "one");
        peer.send(server, 6002, "two");
        ProbeSocket.Received atFirst = first.receive(ARRIVES_WITHIN);
        ProbeSocket.Received atSecond = second.receive(ARRIVES_WITHIN);
        assertThat(atFirst).isNotNull();
        assertThat(atSecond).isNotNull();
        assertThat(atFirst.address()).isEqualTo(atSecond.address()).isEqualTo(host.publicAddress().getHostAddress());
        return new int[] {atFirst.port(), atSecond.port()};
    }
}
