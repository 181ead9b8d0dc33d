package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.Coturn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Headless Chromium inside a lab host's namespace, driven from the test JVM: its host candidates carry the host's lab
 * address and none of the test JVM's own; a page file is a secure context with the fake camera and microphone; closing
 * it leaves no process and no file; two of them behind two NATs connect through STUN on a public host.
 */
class ChromiumInNamespaceTest {
    private static final Duration CONNECTS_WITHIN = Duration.ofSeconds(20);

    @RegisterExtension
    static final NetworkLabExtension NETWORK = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServer(NatMapping.ENDPOINT_INDEPENDENT));

    @Test
    void hostCandidatesCarryTheHostsLabAddressAndNoneOfTheTestJvms() {
        Host alice = NETWORK.lab().host("alice");
        try (Chromium chromium = Chromium.launchIn(alice.namespace())) {
            chromium.navigate("about:blank");

            List<Candidate> candidates = chromium.evaluate(PeerScripts.GATHER_CANDIDATES, List.of()).valueStream()
                    .map(JsonNode::asText).map(Candidate::parse).toList();

            List<String> hostAddresses = candidates.stream().filter(c -> c.type().equals("host"))
                    .map(Candidate::address).distinct().toList();
            assertThat(hostAddresses).contains(alice.address().getHostAddress())
                    .allMatch(a -> a.equals(alice.address().getHostAddress()) || isLoopback(a))
                    .doesNotContainAnyElementsOf(testJvmAddresses());
        }
    }

    @Test
    void aPageFileIsASecureContextWithTheFakeDevicesAndClosingLeavesNoProcessAndNoFile() throws IOException {
        Path dir;
        List<ProcessHandle> processes;
        try (Chromium chromium = Chromium.launchIn(NETWORK.lab().host("bob").namespace())) {
            chromium.navigate(chromium.putPage("media.html", "<!doctype html><title>media</title>"));
            JsonNode tracks = chromium.evaluate("""
                    const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                    const kinds = stream.getTracks().map(t => t.kind).sort();
                    stream.getTracks().forEach(t => t.stop());
                    return kinds;""");
            assertThat(tracks.toString()).isEqualTo("[\"audio\",\"video\"]");
            dir = chromium.dir();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("the bridge's socket file")
                        .contains("chromedriver.sock");
            }
            processes = processesNaming(dir);
            assertThat(processes).as("chromedriver, the browser's processes and the bridge's forwarder")
                    .hasSizeGreaterThan(3);
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(processesNaming(dir)).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void twoPeersBehindTwoNatsConnectThroughStunOnThePublicHost() {
        Host alice = NETWORK.lab().host("alice");
        Host bob = NETWORK.lab().host("bob");
        Host server = NETWORK.lab().host("server");
        Coturn.Options options = Coturn.Options.loopback()
                .inNamespace(List.of("ip", "netns", "exec", server.namespace()), server.address().getHostAddress());
        try (Coturn stun = Coturn.start(options); Chromium offerer = Chromium.launchIn(alice.namespace());
                Chromium answerer = Chromium.launchIn(bob.namespace())) {
            List<Map<String, String>> iceServers = List.of(Map.of("urls",
                    "stun:" + server.address().getHostAddress() + ":" + stun.address().getPort()));
            offerer.navigate("about:blank");
            answerer.navigate("about:blank");

            String offer = offerer.evaluate(PeerScripts.OFFER, iceServers).asText();
            String answer = answerer.evaluate(PeerScripts.ANSWER, iceServers, offer).asText();
            offerer.evaluate(PeerScripts.ACCEPT_ANSWER, answer);

            await("both peers connected").atMost(CONNECTS_WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> connected(offerer) && connected(answerer));
            offerer.execute("window.channel.send('hello from alice');");
            await("the message over the data channel").atMost(CONNECTS_WITHIN).pollInterval(Duration.ofMillis(100))
                    .until(() -> answerer.execute("return window.received;").toString().contains("hello from alice"));
            JsonNode pair = offerer.evaluate(PeerScripts.SELECTED_PAIR);
            assertThat(pair.path("local").asText()).as("alice's side of the path").isEqualTo("srflx");
            assertThat(pair.path("remoteAddress").asText()).as("bob as his NAT shows him")
                    .isEqualTo(bob.publicAddress().getHostAddress());
        }
    }

    private static boolean connected(Chromium chromium) {
        return chromium.execute("return window.pc.connectionState;").asText().equals("connected");
    }

    private static boolean isLoopback(String address) {
        return address.equals("127.0.0.1") || address.equals("::1");
    }

    /** The test JVM's own addresses, loopback aside: the root namespace's. */
    private static List<String> testJvmAddresses() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress()).map(InetAddress::getHostAddress)
                    .map(a -> a.replaceAll("%.*", "")).toList();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ProcessHandle> processesNaming(Path dir) {
        String marker = dir.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
    }

    /** One {@code a=candidate:} line's address and type. */
    private record Candidate(String address, String type) {
        /** {@code a=candidate:<foundation> <component> <protocol> <priority> <address> <port> typ <type> ...}. */
        static Candidate parse(String line) {
            String[] fields = line.split(" ");
            return new Candidate(fields[4], fields[7]);
        }
    }
}
