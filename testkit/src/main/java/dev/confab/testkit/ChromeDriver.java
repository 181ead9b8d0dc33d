package dev.confab.testkit;

import dev.confab.testkit.net.LabTools;
import dev.confab.testkit.net.NamespacePortBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chromedriver process of one {@link Chromium}, started in the test JVM's network namespace or inside another one
 * ({@code ip netns exec NS chromedriver ...}, which execs, so the process is chromedriver itself and the browser it
 * starts is its descendant in that namespace), and the loopback port the test JVM reaches it on: its own, or the local
 * end of a {@link NamespacePortBridge} whose socket file lies in the instance's directory. Its environment points HOME,
 * the XDG dirs and TMPDIR into that directory. The owner stops the processes; this class closes the bridge. Not
 * thread-safe.
 */
final class ChromeDriver {
    static final Path BINARY = Path.of("/usr/bin/chromedriver");

    private final Process process;
    private final int port;
    private final Optional<NamespacePortBridge> bridge;

    private ChromeDriver(Process process, int port, Optional<NamespacePortBridge> bridge) {
        this.process = process;
        this.port = port;
        this.bridge = bridge;
    }

    /** Starts chromedriver here, on a free loopback port, with its files in {@code dir}. */
    static ChromeDriver start(Path dir) {
        int port = FreePorts.tcp();
        return new ChromeDriver(spawn(dir, command(dir, port)), port, Optional.empty());
    }

    /**
     * Starts chromedriver inside {@code namespace}, with its files in {@code dir}, and a bridge to its port. The port
     * is one free here a moment ago: the namespace's ports are its own, and a lab host runs nothing else on them.
     */
    static ChromeDriver startIn(String namespace, Path dir) {
        int port = FreePorts.tcp();
        Process process = spawn(dir, LabTools.require().inNamespace(namespace, command(dir, port)));
        try {
            NamespacePortBridge bridge = NamespacePortBridge.open(namespace, port, dir.resolve("chromedriver.sock"));
            return new ChromeDriver(process, bridge.localPort(), Optional.of(bridge));
        } catch (RuntimeException e) {
            Processes.stop(List.of(process.toHandle()), Duration.ofSeconds(2));
            throw e;
        }
    }

    /** The loopback port of the test JVM's namespace that reaches chromedriver. */
    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Chromedriver and its descendants (the browser's processes) as of now. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        return all;
    }

    /** Closes the bridge, if there is one: the connections through it, its child JVM, its socket file. */
    void closeBridge() {
        bridge.ifPresent(NamespacePortBridge::close);
    }

    private static List<String> command(Path dir, int port) {
        return List.of(BINARY.toString(), "--port=" + port, "--allowed-ips=127.0.0.1",
                "--log-path=" + dir.resolve("chromedriver.log"));
    }

    private static Process spawn(Path dir, List<String> command) {
        try {
            for (String sub : List.of("home", "config", "cache", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("chromedriver.out").toFile());
            Map<String, String> env = builder.environment();
            env.put("HOME", dir.resolve("home").toString());
            env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
            env.put("TMPDIR", dir.resolve("tmp").toString());
            env.remove("DISPLAY");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start chromedriver", e);
        }
    }
}
