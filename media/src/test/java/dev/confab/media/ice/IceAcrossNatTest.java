package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NamespaceProcess;
import dev.confab.testkit.net.NatMapping;
import dev.confab.testkit.net.NetworkLab;
import dev.confab.testkit.net.NetworkLabExtension;
import dev.confab.testkit.net.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two agents, each in its own network namespace behind its own NAT (iptables MASQUERADE, endpoint-independent
 * mapping), with coturn answering STUN on the public segment: they find each other through server-reflexive and
 * peer-reflexive candidates, since neither can reach the other's private address.
 */
class IceAcrossNatTest {

    private static final int STUN_PORT = 3478;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final NetworkLabExtension labs = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServer(NatMapping.ENDPOINT_INDEPENDENT));

    @Test
    void agentsBehindTwoNatsConnectThroughReflexiveCandidates() {
        NetworkLab lab = labs.lab();
        String stun = startStunServer(lab.host("server"));
        RemoteAgent alice = new RemoteAgent(lab.host("alice"));
        RemoteAgent bob = new RemoteAgent(lab.host("bob"));

        alice.start("controlling", stun);
        bob.start("controlled", stun);
        alice.credentialsFrom(bob);
        bob.credentialsFrom(alice);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            alice.poll(bob);
            bob.poll(alice);
            return alice.state().equals("CONNECTED") && bob.state().equals("CONNECTED");
        });

        String natA = lab.host("alice").publicAddress().getHostAddress();
        assertThat(alice.candidates).anyMatch(c -> c.startsWith("SRFLX," + natA + ","));
        assertThat(bob.selected.getLast()).as(bob.toString()).contains(natA);
        assertThat(alice.send("80ff0001")).isTrue();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            bob.poll(alice);
            return bob.received.contains("80ff0001");
        });
    }

    /** coturn on the public host as the STUN server both agents ask; returns {@code ip:port}. */
    private static String startStunServer(Host server) {
        String ip = server.address().getHostAddress();
        NamespaceProcess coturn = server.start(List.of("turnserver", "-n", "--listening-ip=" + ip, "--relay-ip=" + ip,
                "--listening-port=" + STUN_PORT, "--min-port=49152", "--max-port=49200", "--realm=confab.test",
                "--use-auth-secret", "--static-auth-secret=lab-secret", "--no-tcp", "--no-tls", "--no-dtls",
                "--no-cli", "--fingerprint", "--no-rfc5780", "--simple-log", "--log-file=stdout",
                "--pidfile=/tmp/confab-lab-turnserver-" + ProcessHandle.current().pid() + ".pid"));
        await("coturn answering STUN in " + server).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .failFast("turnserver exited", () -> !coturn.isAlive())
                .until(() -> server.exec("turnutils_stunclient", "-p", Integer.toString(STUN_PORT), ip).succeeded());
        return ip + ":" + STUN_PORT;
    }
}
