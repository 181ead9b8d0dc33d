package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cutting, black-holing and throttling lab links, checked with real datagrams from alice (behind home) to server. */
class LinkTest {
    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(3);
    private static final int SERVER_PORT = 3478;

    @RegisterExtension
    final NetworkLabExtension network = NetworkLabExtension.of(Topology.builder()
            .nat("home", NatMapping.ENDPOINT_INDEPENDENT).hostBehind("alice", "home").publicHost("server").build());

    /** Pulling the cable and black-holing the link both stop traffic, on a host's uplink and on a NAT's WAN link. */
    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({"alice-uplink, cable pulled", "home-wan, cable pulled", "alice-uplink, black hole", "home-wan, black hole"})
    void aCutLinkStopsTrafficAndTheRestoredLinkCarriesItAgain(String linkName, String cut) {
        Link link = link(linkName);
        Path path = Path.open(network.lab());
        path.assertDelivered("before", "");

        if (cut.equals("cable pulled")) {
            link.down();
        } else {
            link.dropAll();
            link.dropAll();
        }
        path.assertNotDelivered("while cut");

        if (cut.equals("cable pulled")) {
            link.up();
        } else {
            link.stopDropping();
        }
        path.assertDelivered("after", "while cut");
    }

    @Test
    void aRateLimitHoldsAFloodToTheSetRateAndCanBeRemoved() {
        Link wan = network.lab().nat("home").wan();
        Path path = Path.open(network.lab());

        wan.limitRate(500_000);
        assertThat(path.floodRate(2_000_000, Duration.ofMillis(2500))).isBetween(450_000.0, 550_000.0);

        wan.removeRateLimit();
        assertThat(path.floodRate(2_000_000, Duration.ofMillis(1000))).isGreaterThan(1_500_000.0);
    }

    @Test
    void aRateLimitOutlastsABlackHoleAndTheDefaultQueueReturnsAfterBoth() {
        Link uplink = network.lab().host("alice").uplink();
        uplink.limitRate(1_000_000);
        assertThat(uplink.queues()).allMatch(q -> q.startsWith("qdisc tbf") && q.contains("rate 1Mbit"));
        uplink.dropAll();
        assertThat(uplink.queues()).allMatch(q -> q.startsWith("qdisc blackhole"));
        uplink.stopDropping();
        assertThat(uplink.queues()).allMatch(q -> q.startsWith("qdisc tbf"));
        uplink.removeRateLimit();
        assertThat(uplink.queues()).noneMatch(q -> q.contains("tbf") || q.contains("blackhole"));
    }

    private Link link(String name) {
        Function<NetworkLab, Link> find = switch (name) {
            case "alice-uplink" -> lab -> lab.host("alice").uplink();
            case "home-wan" -> lab -> lab.nat("home").wan();
            default -> throw new IllegalArgumentException(name);
        };
        Link link = find.apply(network.lab());
        assertThat(link.name()).isEqualTo(name);
        return link;
    }

    /** A probe in alice sending to a probe in server. */
    private record Path(ProbeSocket alice, ProbeSocket server, InetAddress serverAddress) {
        static Path open(NetworkLab lab) {
            Host server = lab.host("server");
            return new Path(ProbeSocket.bind(lab.host("alice"), 40000), ProbeSocket.bind(server, SERVER_PORT),
                    server.address());
        }

        /**
         * Sends {@code text} and expects it at the server. Datagrams with text {@code held} may come first: the kernel
         * holds a few sent while the cable was out until it has resolved its neighbour again (see {@link Link#down()}).
         */
        void assertDelivered(String text, String held) {
            alice.send(serverAddress, SERVER_PORT, text);
            ProbeSocket.Received received = server.receive(ARRIVES_WITHIN);
            while (received != null && received.text().equals(held)) {
                received = server.receive(ARRIVES_WITHIN);
            }
            assertThat(received).as(text).isNotNull();
            assertThat(received.text()).isEqualTo(text);
        }

        void assertNotDelivered(String text) {
            alice.send(serverAddress, SERVER_PORT, text);
            assertThat(server.receive(ProbeSocket.NOTHING_ARRIVES_WITHIN)).as(text).isNull();
        }

        /** Floods 1000-byte datagrams at {@code offered} bit/s; returns the rate that arrived, on the wire, in bit/s. */
        double floodRate(long offered, Duration duration) {
            return alice.floodRate(server, serverAddress, SERVER_PORT, offered, duration);
        }
    }
}
