package dev.confab.media.ice;

import static org.awaitility.Awaitility.await;

import dev.confab.media.turn.TurnCredentials;
import dev.confab.media.turn.TurnRestCredentials;
import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NamespaceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * coturn on a lab host (testkit's {@code Coturn} probes from the test JVM, which cannot reach the lab's public
 * segment): STUN and TURN over UDP with shared-secret credentials, ready once {@code turnutils_stunclient} run on the
 * same host gets an answer. Stopped with the lab, or earlier by {@link #close}.
 */
final class LabCoturn implements AutoCloseable {
    static final String SECRET = "lab-secret";

    private final Host host;
    private final int port;
    private final NamespaceProcess process;

    private LabCoturn(Host host, int port, NamespaceProcess process) {
        this.host = host;
        this.port = port;
        this.process = process;
    }

    /** Starts coturn on {@code host} listening on {@code port}, relaying from ports {@code relayFrom}-+49. */
    static LabCoturn start(Host host, int port, int relayFrom) {
        String ip = host.address().getHostAddress();
        NamespaceProcess process = host.start(List.of("turnserver", "-n", "--listening-ip=" + ip, "--relay-ip=" + ip,
                "--listening-port=" + port, "--min-port=" + relayFrom, "--max-port=" + (relayFrom + 49),
                "--realm=confab.test", "--use-auth-secret", "--static-auth-secret=" + SECRET, "--no-tcp", "--no-tls",
                "--no-dtls", "--no-cli", "--fingerprint", "--no-rfc5780", "--simple-log", "--log-file=stdout",
                "--pidfile=/tmp/confab-lab-turnserver-" + ProcessHandle.current().pid() + "-" + port + ".pid"));
        await("coturn answering STUN in " + host).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .failFast("turnserver exited", () -> !process.isAlive())
                .until(() -> host.exec(Duration.ofSeconds(2), "turnutils_stunclient", "-p", Integer.toString(port), ip)
                        .succeeded());
        return new LabCoturn(host, port, process);
    }

    /** {@code ip:port} for STUN. */
    String address() {
        return host.address().getHostAddress() + ":" + port;
    }

    /** The {@code turn=} option of {@link IceAgentMain} with fresh credentials for {@code userId}. */
    String turnOption(String userId) {
        TurnCredentials credentials = TurnRestCredentials.issue(SECRET, userId, Instant.now().plusSeconds(600));
        return "turn=" + address() + "," + credentials.username() + "," + credentials.password();
    }

    @Override
    public void close() {
        process.close();
    }
}
