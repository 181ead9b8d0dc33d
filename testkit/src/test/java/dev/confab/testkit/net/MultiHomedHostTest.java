package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Alice with two uplinks, {@code eth0} behind nata and {@code eth1} behind natc: a socket bound to either address
 * leaves through its own interface and NAT, and {@code eth1} keeps working while {@code eth0} is cut. Checked with
 * real datagrams to a server on the public segment.
 */
class MultiHomedHostTest {
    private static final Duration REPLY = Duration.ofSeconds(20);

    @RegisterExtension
    final NetworkLabExtension network = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServerWithMultiHomedAlice(NatMapping.ENDPOINT_INDEPENDENT));

    @Test
    void eachAddressLeavesThroughItsOwnInterfaceAndNat() {
        NetworkLab lab = network.lab();
        Host alice = lab.host("alice");
        assertThat(alice.addresses()).extracting(InetAddress::getHostAddress).containsExactly("10.0.1.2", "10.0.3.2");
        assertThat(alice.interfaces()).extracting(HostInterface::device).containsExactly("eth0", "eth1");
        assertThat(alice.interfaces().get(1).publicAddress()).isEqualTo(lab.nat("natc").publicAddress());
        assertThat(alice.uplinks()).extracting(Link::name).containsExactly("alice-uplink", "alice-uplink1");
        assertThat(alice.uplink(0)).isSameAs(alice.uplink());
        assertThatThrownBy(() -> alice.uplink(2)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("eth2");
        assertThat(lab.host("bob").addresses()).extracting(InetAddress::getHostAddress).containsExactly("10.0.2.2");

        String server = lab.host("server").address().getHostAddress();
        assertThat(routeTo(alice, server)).as("unbound").contains(" dev eth0 ");
        assertThat(routeTo(alice, server, "from", "10.0.1.2")).contains(" dev eth0 ");
        assertThat(routeTo(alice, server, "from", "10.0.3.2")).contains(" dev eth1 ");
        try (NamespaceJvm java = alice.startJvm(EchoMain.class)) {
            assertThat(java.request("addresses", REPLY).split(" ")).as("what ICE gathering in alice will see")
                    .containsExactlyInAnyOrder("10.0.1.2", "10.0.3.2", "127.0.0.1");
        }

        UplinkPaths paths = UplinkPaths.open(lab);
        paths.assertRoundTrip(0, "bound to eth0", "");
        paths.assertRoundTrip(1, "bound to eth1", "");
        assertThat(lab.nat("natc").udpMappings()).anyMatch(m -> m.contains("src=10.0.3.2") && m.contains("sport=40001"));
        assertThat(lab.nat("nata").udpMappings()).noneMatch(m -> m.contains("10.0.3.2"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cable pulled", "black hole"})
    void withEth0CutTheEth1AddressStillReachesTheServerAndHearsItsReply(String cut) {
        Link eth0 = network.lab().host("alice").uplink(0);
        UplinkPaths paths = UplinkPaths.open(network.lab());
        paths.assertRoundTrip(0, "eth0 before", "");
        paths.assertRoundTrip(1, "eth1 before", "");

        if (cut.equals("cable pulled")) {
            eth0.down();
        } else {
            eth0.dropAll();
        }
        paths.assertNotDelivered(0, "eth0 while cut");
        paths.assertRoundTrip(1, "eth1 while eth0 is cut", "");

        if (cut.equals("cable pulled")) {
            eth0.up();
        } else {
            eth0.stopDropping();
        }
        paths.assertRoundTrip(0, "eth0 after", "eth0 while cut");
        paths.assertRoundTrip(1, "eth1 after", "");
    }

    @Test
    void unboundTrafficMovesToEth1AsANetworkManagerWouldAndBack() {
        Host alice = network.lab().host("alice");
        String server = network.lab().host("server").address().getHostAddress();
        UplinkPaths paths = UplinkPaths.open(network.lab());

        alice.uplink(0).down();
        alice.routeUnboundTrafficThrough(1);
        assertThat(routeTo(alice, server)).as("unbound, eth0 unplugged").contains(" via 10.0.3.1 dev eth1 src 10.0.3.2 ");
        paths.assertRoundTrip(1, "eth1 carrying the unbound traffic too", "");

        alice.uplink(0).up();
        alice.routeUnboundTrafficThrough(0);
        assertThat(routeTo(alice, server)).as("unbound, back on eth0").contains(" dev eth0 ");
        assertThat(routeTo(alice, server, "from", "10.0.3.2")).contains(" dev eth1 ");
        paths.assertRoundTrip(0, "eth0 plugged back", "");
        assertThatThrownBy(() -> alice.routeUnboundTrafficThrough(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theSecondUplinkIsCutBlackHoledAndThrottledOnItsOwn() {
        Host alice = network.lab().host("alice");
        Link eth1 = alice.uplink(1);
        UplinkPaths paths = UplinkPaths.open(network.lab());
        paths.assertRoundTrip(1, "eth1 before", "");

        eth1.down();
        paths.assertNotDelivered(1, "eth1 unplugged");
        paths.assertRoundTrip(0, "eth0 while eth1 is unplugged", "");
        eth1.up();
        paths.assertRoundTrip(1, "eth1 plugged back", "eth1 unplugged");

        eth1.dropAll();
        paths.assertNotDelivered(1, "eth1 black-holed");
        paths.assertRoundTrip(0, "eth0 while eth1 is black-holed", "");
        eth1.stopDropping();
        paths.assertRoundTrip(1, "eth1 after the black hole", "");

        eth1.limitRate(500_000);
        assertThat(alice.uplink(0).queues()).noneMatch(q -> q.contains("tbf"));
        assertThat(paths.floodRate(1, 2_000_000, Duration.ofMillis(1500))).isBetween(400_000.0, 600_000.0);
    }

    /** The route the host's kernel picks to {@code destination}, as {@code ip route get} prints it. */
    private static String routeTo(Host host, String destination, String... from) {
        return host.exec(Stream.concat(Stream.of("ip", "route", "get", destination), Stream.of(from))
                .toArray(String[]::new)).orThrow().output();
    }
}
