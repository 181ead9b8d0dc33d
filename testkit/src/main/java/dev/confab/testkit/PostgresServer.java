package dev.confab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real, private PostgreSQL cluster for tests: {@code initdb} into a temporary directory, {@code pg_ctl start}
 * on a free loopback port with trust authentication, a fresh database per {@link #createDatabase} call, and
 * {@code pg_ctl stop} plus removal of the directory on {@link #close()} (also from a shutdown hook, should the
 * test JVM end early). PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user.
 * Not thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
    /** The superuser tests connect as. */
    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Thread shutdownHook;
    private boolean running;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-test-cleanup");
    }

    /** Creates and starts a cluster, or fails saying which package to install. */
    public static PostgresServer start() {
        Path bin = findBinaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed: run 'apt-get install -y postgresql' (the tests need initdb and pg_ctl"
                        + " under /usr/lib/postgresql/<version>/bin)"));
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "confab-pg-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            PostgresServer server = new PostgresServer(bin, dir, FreePorts.tcp());
            server.init();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a directory for PostgreSQL", e);
        }
    }

    /** The port the cluster listens on (loopback only). */
    public int port() {
        return port;
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid())
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, name));
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Runs one SQL statement with psql and returns what it printed (unaligned, tuples only). */
    public String query(String jdbcUrl, String sql) {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        return run(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER,
                "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql));
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
    }

    private void init() {
        if (isRoot()) {
            run(List.of("chown", USER + ":", dir.toString()));
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Path data = dir.resolve("data");
        asOwner(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--no-sync", "--locale=C"));
        asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -h 127.0.0.1 -c fsync=off -c max_connections=200",
                "start"));
        running = true;
    }

    private void stopQuietly() {
        if (!running) {
            return;
        }
        running = false;
        try {
            asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        Directories.deleteTree(dir);
    }

    private String asOwner(List<String> command) {
        if (!isRoot()) {
            return run(command);
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", USER, "--"));
        wrapped.addAll(command);
        return run(wrapped);
    }

    private String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + output + "\n" + ProcessOutput.tail(dir.resolve("postgres.log"), 20));
            }
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Optional<Path> findBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
