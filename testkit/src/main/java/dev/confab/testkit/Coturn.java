package dev.confab.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real coturn ({@code turnserver}, Debian package {@code coturn}) for tests: UDP only, on free ports, with
 * time-limited credentials ({@code --use-auth-secret}), loopback peers allowed, in a private temporary directory that
 * holds its log, pid file and user database. {@link #start} returns once it answers a STUN Binding request;
 * {@link #close()} stops it (SIGTERM, then SIGKILL after 5 s) and removes the directory, as does a shutdown hook if
 * the JVM ends first. A server left by a test JVM that crashed is killed when the next one starts.
 *
 * <p>To run it inside a network namespace, give a command prefix such as {@code ip netns exec lab1} and an address
 * of that namespace; readiness is then probed with {@code turnutils_stunclient} under the same prefix.
 * Not thread-safe: one test thread at a time.
 */
public final class Coturn implements AutoCloseable {
    private static final String DIR_PREFIX = "confab-coturn-";
    private static final int RELAY_PORTS = 16;

    private final Options options;
    private final Path dir;
    private final int port;
    private final int relayFirstPort;
    private final Thread shutdownHook;
    private Process process;

    /**
     * How to run the server.
     *
     * @param listenIp       the address it listens and relays on
     * @param commandPrefix  words put before {@code turnserver}, e.g. {@code ip netns exec NAME}
     * @param realm          the REALM it sends
     * @param secret         its {@code static-auth-secret}, from which credentials are made
     * @param extraArguments more turnserver options, e.g. {@code --permission-lifetime=3}
     */
    public record Options(String listenIp, List<String> commandPrefix, String realm, String secret,
            List<String> extraArguments) {
        public Options {
            commandPrefix = List.copyOf(commandPrefix);
            extraArguments = List.copyOf(extraArguments);
        }

        /** On 127.0.0.1, realm {@code confab.test}, a fixed test secret. */
        public static Options loopback() {
            return new Options("127.0.0.1", List.of(), "confab.test", "confab-coturn-test-secret", List.of());
        }

        /** Listening and relaying on {@code ip}, for example {@code ::1}. */
        public Options listeningOn(String ip) {
            return new Options(ip, commandPrefix, realm, secret, extraArguments);
        }

        /** Inside a network namespace (or another wrapper), listening on {@code ip}. */
        public Options inNamespace(List<String> prefix, String ip) {
            return new Options(ip, prefix, realm, secret, extraArguments);
        }

        /** With more turnserver options. */
        public Options withArguments(String... arguments) {
            List<String> all = new ArrayList<>(extraArguments);
            all.addAll(List.of(arguments));
            return new Options(listenIp, commandPrefix, realm, secret, all);
        }
    }

    private Coturn(Options options, Path dir, int port, int relayFirstPort) {
        this.options = options;
        this.dir = dir;
        this.port = port;
        this.relayFirstPort = relayFirstPort;
        this.shutdownHook = new Thread(this::stop, "coturn-test-cleanup");
    }

    /** Starts coturn on loopback. */
    public static Coturn start() {
        return start(Options.loopback());
    }

    /** Starts coturn with these options, or fails saying what to install or what it logged. */
    public static Coturn start(Options options) {
        LeftoverServers.kill(DIR_PREFIX, "turnserver");
        Path dir;
        try {
            dir = Files.createTempDirectory(LeftoverServers.directoryPrefix(DIR_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a directory for coturn", e);
        }
        int port = FreePorts.udpPair();
        Coturn coturn = new Coturn(options, dir, port, freeUdpRange(RELAY_PORTS, port));
        Runtime.getRuntime().addShutdownHook(coturn.shutdownHook);
        try {
            coturn.launch();
            coturn.awaitBindingResponse();
            return coturn;
        } catch (RuntimeException e) {
            coturn.close();
            throw e;
        }
    }

    /** Where clients send STUN and TURN over UDP. */
    public InetSocketAddress address() {
        return new InetSocketAddress(ipAddress(), port);
    }

    /** The shared secret credentials are made from (see the media module's {@code TurnRestCredentials}). */
    public String secret() {
        return options.secret();
    }

    public String realm() {
        return options.realm();
    }

    /** The first and last relay ports; relayed addresses fall in between. */
    public int[] relayPorts() {
        return new int[] {relayFirstPort, relayFirstPort + RELAY_PORTS - 1};
    }

    /** The last lines of coturn's log, for a failing test to show. */
    public String log(int lines) {
        return ProcessOutput.tail(dir.resolve(LeftoverServers.LOG_FILE), lines);
    }

    /** Stops the server and removes its directory. Idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Shutting down (the hook is running or ran), or closed before (the hook is gone).
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(options.commandPrefix());
        command.addAll(List.of("turnserver", "-n", "--listening-ip=" + options.listenIp(),
                "--relay-ip=" + options.listenIp(), "--listening-port=" + port, "--min-port=" + relayFirstPort,
                "--max-port=" + (relayFirstPort + RELAY_PORTS - 1), "--realm=" + options.realm(), "--use-auth-secret",
                "--static-auth-secret=" + options.secret(), "--no-tcp", "--no-tls", "--no-dtls", "--no-cli",
                "--allow-loopback-peers", "--fingerprint", "--no-rfc5780",
                "--log-file=" + dir.resolve(LeftoverServers.LOG_FILE), "--simple-log", "--no-stdout-log",
                "--pidfile=" + dir.resolve("turnserver.pid"), "--userdb=" + dir.resolve("turndb")));
        command.addAll(options.extraArguments());
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            LeftoverServers.recordServer(dir, process.pid());
        } catch (IOException e) {
            throw new IllegalStateException("coturn is not installed: apt-get install -y coturn (needs turnserver)", e);
        }
    }

    private void awaitBindingResponse() {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.setSoTimeout(200);
            await("coturn answering STUN on " + address()).atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("turnserver exited", () -> !process.isAlive())
                    .until(() -> options.commandPrefix().isEmpty() ? answersBinding(probe) : answersThroughPrefix());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException(e.getMessage() + "; its log ends:\n" + log(30), e);
        }
    }

    /**
     * Asks with {@code turnutils_stunclient} run under the command prefix, i.e. from inside the namespace, since the
     * test JVM may have no route to a lab address. The client waits forever without an answer, hence {@code timeout}.
     */
    private boolean answersThroughPrefix() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(options.commandPrefix());
        command.addAll(List.of("timeout", "2", "turnutils_stunclient", "-p", Integer.toString(port), options.listenIp()));
        Process client = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!client.waitFor(5, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            return false;
        }
        return client.exitValue() == 0;
    }

    /**
     * Sends a bare Binding request (RFC 8489 section 5) and waits briefly for the matching success response, skipping
     * late answers to earlier probes (reading only one answer per probe would stay one behind for ever).
     */
    private boolean answersBinding(DatagramSocket probe) throws IOException {
        byte[] request = new byte[20];
        request[1] = 0x01;
        byte[] cookieAndId = new byte[16];
        ThreadLocalRandom.current().nextBytes(cookieAndId);
        System.arraycopy(new byte[] {0x21, 0x12, (byte) 0xa4, 0x42}, 0, cookieAndId, 0, 4);
        System.arraycopy(cookieAndId, 0, request, 4, 16);
        probe.send(new DatagramPacket(request, request.length, address()));
        byte[] response = new byte[1500];
        DatagramPacket packet = new DatagramPacket(response, response.length);
        while (true) {
            try {
                probe.receive(packet);
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (packet.getLength() >= 20 && response[0] == 0x01 && response[1] == 0x01
                    && Arrays.equals(response, 4, 20, request, 4, 20)) {
                return true;
            }
        }
    }

    private void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        Directories.deleteTree(dir);
    }

    private InetAddress ipAddress() {
        try {
            return InetAddress.getByName(options.listenIp());
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IP address: " + options.listenIp(), e);
        }
    }

    /** The first of {@code count} consecutive loopback UDP ports free a moment ago, {@code taken} not among them. */
    private static int freeUdpRange(int count, int taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = FreePorts.udpPair();
            boolean clear = first + count <= 65_535 && (taken < first || taken >= first + count);
            if (clear && Stream.iterate(first, p -> p + 1).limit(count).noneMatch(FreePorts::udpBound)) {
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free UDP ports on loopback");
    }
}
