package dev.confab.testkit;

import dev.confab.testkit.net.LabTools;
import dev.confab.testkit.net.NamespacePortBridge;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The real Confab server ({@code dev.confab.server.ServerMain}) running in its own JVM on a free loopback
 * port, started from the test's own classpath. It can be stopped gracefully, killed with SIGKILL and started
 * again on the same port and database, which is what reconnect tests need. Not thread-safe: one test thread
 * drives it.
 */
public final class ServerProcess implements AutoCloseable {
    /** The server's main class; the test's classpath must contain the server module. */
    public static final String MAIN_CLASS = "dev.confab.server.ServerMain";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** JVM options for tests: start fast and stay small (a benchmark asks for production options instead). */
    public static final List<String> TEST_JVM = List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final int port;
    private final Path dataDir;
    private final Map<String, String> settings;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final boolean ownsDataDir;
    private final Path log;
    private final Optional<LabPlacement> lab;
    private Process process;
    private NamespacePortBridge bridge;
    private int starts;

    /** A server inside a network lab host: its namespace and the address it listens on there. */
    private record LabPlacement(String namespace, String address) {
    }

    private ServerProcess(int port, Path dataDir, boolean ownsDataDir, Map<String, String> settings,
            Map<String, String> environment, List<String> jvmOptions, Optional<LabPlacement> lab) {
        this.port = port;
        this.lab = lab;
        this.jvmOptions = jvmOptions;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.settings = settings;
        this.environment = environment;
        this.log = dataDir.resolve("server.log");
    }

    /** A server on a new SQLite database in a fresh temporary directory. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL clients in the test JVM use, such as {@code http://127.0.0.1:41234}; for a server in a lab host, a
     * loopback port here bridged into its namespace (valid once started).
     */
    public String baseUrl() {
        return lab.isEmpty() ? "http://127.0.0.1:" + port : "http://127.0.0.1:" + bridge().localPort();
    }

    /** The base URL clients inside the network lab use: the lab host's address; the loopback one otherwise. */
    public String labUrl() {
        return lab.map(placement -> "http://" + placement.address() + ":" + port).orElseGet(this::baseUrl);
    }

    public int port() {
        return port;
    }

    /** The directory holding the server's log and, for SQLite, its database. */
    public Path dataDir() {
        return dataDir;
    }

    /** The server's log so far (stdout and stderr), for failure messages. */
    public String logTail(int lines) {
        return ProcessOutput.tail(log, lines);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server and waits until {@code /health} answers 200. */
    public ServerProcess start() {
        if (isRunning()) {
            throw new IllegalStateException("Server already running on port " + port);
        }
        List<String> java = new ArrayList<>(List.of(javaBinary()));
        java.addAll(jvmOptions);
        java.addAll(List.of("-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), MAIN_CLASS,
                "--port", Integer.toString(port), "--bind", lab.isPresent() ? "0.0.0.0" : "127.0.0.1",
                "--data-dir", dataDir.toString()));
        settings.forEach((key, value) -> {
            java.add("--set");
            java.add(key + "=" + value);
        });
        List<String> command = lab.map(placement -> LabTools.require().inNamespace(placement.namespace(), java))
                .orElse(java);
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the server: " + command, e);
        }
        starts++;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            await("server on port " + port + " to answer /health (start " + starts + ")")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("the server process exited; its log:\n" + logTail(60), () -> !process.isAlive())
                    .until(() -> healthy(http));
        } finally {
            http.close();
        }
        return this;
    }

    /** Kills the server with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    /** Stops the server with SIGTERM (a graceful shutdown) and waits until it is gone. */
    public void stop() {
        if (process != null) {
            process.destroy();
            waitForExit();
        }
    }

    /** Kills the server if it runs, closes the bridge into its lab host, removes the data directory if the builder made it. */
    @Override
    public void close() {
        if (isRunning()) {
            kill();
        }
        if (bridge != null) {
            bridge.close();
            bridge = null;
        }
        if (ownsDataDir) {
            Directories.deleteTree(dataDir);
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the server", e);
        }
    }

    private synchronized NamespacePortBridge bridge() {
        if (bridge == null) {
            LabPlacement placement = lab.orElseThrow();
            bridge = NamespacePortBridge.open(placement.namespace(), port);
        }
        return bridge;
    }

    private boolean healthy(HttpClient http) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Chooses the database and settings of a {@link ServerProcess}. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private List<String> jvmOptions = TEST_JVM;
        private Path dataDir;
        private Optional<LabPlacement> lab = Optional.empty();

        private Builder() {
            // Tests register many users: cheap hashing keeps them fast. Never use these in production.
            settings.put("security.argon2.memory-kib", "256");
            settings.put("security.argon2.iterations", "1");
        }

        /** Where the server keeps its log and SQLite database; a new temporary directory by default. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Uses a PostgreSQL database instead of the default SQLite file. */
        public Builder postgres(String jdbcUrl, String user) {
            settings.put("database.url", jdbcUrl);
            settings.put("database.user", user);
            return this;
        }

        /** Any configuration key of the server (see the README's settings table). */
        public Builder set(String key, String value) {
            settings.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** JVM options of the server process instead of {@link #TEST_JVM}. */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** An environment variable of the server process, such as {@code CONFAB_SERVER_PORT}. */
        public Builder env(String name, String value) {
            environment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Runs the server inside a network lab host's namespace (root only), listening on all its addresses; clients in
         * the lab reach it at {@code address} ({@link ServerProcess#labUrl()}), the test JVM through a bridge
         * ({@link ServerProcess#baseUrl()}).
         */
        public Builder inLabHost(String namespace, String address) {
            this.lab = Optional.of(new LabPlacement(Objects.requireNonNull(namespace), Objects.requireNonNull(address)));
            return this;
        }

        /** The process, not yet started; {@link ServerProcess#start()} starts it. */
        public ServerProcess build() {
            try {
                Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("confab-server-");
                return new ServerProcess(FreePorts.tcp(), dir, dataDir == null, Map.copyOf(settings), Map.copyOf(environment),
                        jvmOptions, lab);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
