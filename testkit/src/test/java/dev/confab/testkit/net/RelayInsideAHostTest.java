package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.net.impairment.ImpairmentRelayMain;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The impairment relay run as a JVM inside a lab host, on the path from a NATed peer to a server. */
class RelayInsideAHostTest {
    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(3);
    private static final Duration REPLY = Duration.ofSeconds(20);

    @RegisterExtension
    final NetworkLabExtension network = NetworkLabExtension.of(Topology.builder()
            .nat("home", NatMapping.ENDPOINT_INDEPENDENT).hostBehind("alice", "home").publicHost("server").build());

    @Test
    void relaysThroughTheNatAndAppliesImpairmentsSentOverTheControlChannel() {
        Host server = network.lab().host("server");
        String serverAddress = server.address().getHostAddress();
        ProbeSocket target = ProbeSocket.bind(server, 3478);
        NamespaceJvm relay = server.startJvm(ImpairmentRelayMain.class, "--bind", serverAddress,
                "--peer-b", serverAddress + ":3478", "--seed", "7");
        String[] ports = relay.awaitLine(line -> line.startsWith("relay "), REPLY).split(" ");
        int sideA = Integer.parseInt(ports[1]);
        ProbeSocket alice = ProbeSocket.bind(network.lab().host("alice"), 40000);

        alice.send(server.address(), sideA, "through the relay");
        assertThat(target.receive(ARRIVES_WITHIN))
                .isEqualTo(new ProbeSocket.Received(serverAddress, Integer.parseInt(ports[2]), "through the relay"));
        target.reply("back");
        assertThat(alice.receive(ARRIVES_WITHIN)).isEqualTo(new ProbeSocket.Received(serverAddress, sideA, "back"));

        assertThat(relay.request("impair a-to-b loss=1", REPLY)).isEqualTo("ok");
        alice.send(server.address(), sideA, "lost");
        assertThat(target.receive(ProbeSocket.NOTHING_ARRIVES_WITHIN)).isNull();
        assertThat(relay.request("counters a-to-b", REPLY)).isEqualTo("counters 2 1 1 0 0 0 0");
        assertThat(relay.request("counters b-to-a", REPLY)).isEqualTo("counters 1 1 0 0 0 0 0");

        assertThat(relay.request("impair both none", REPLY)).isEqualTo("ok");
        alice.send(server.address(), sideA, "again");
        assertThat(target.receive(ARRIVES_WITHIN).text()).isEqualTo("again");
    }
}
