package dev.confab.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cleans up after test JVMs that crashed while they ran a server: a launcher directory is named after the JVM that
 * owns it ({@code <prefix><jvm pid>-<random>}) and records the server's pid; a directory whose owner is gone has its
 * server killed and is removed. Thread-safe.
 */
final class LeftoverServers {
    static final String PID_FILE = "server.pid";
    static final String LOG_FILE = "turnserver.log";

    private LeftoverServers() {}

    /** The name prefix of a new launcher directory owned by this JVM. */
    static String directoryPrefix(String prefix) {
        return prefix + ProcessHandle.current().pid() + "-";
    }

    /** Records the server's pid in its launcher directory. */
    static void recordServer(Path dir, long pid) throws IOException {
        Files.writeString(dir.resolve(PID_FILE), Long.toString(pid));
    }

    /**
     * Kills the servers of dead owners under the temporary directory's {@code prefix}* and removes their dirs. Only a
     * process whose executable is named {@code command} is killed, in case its pid was reused since.
     */
    static void kill(String prefix, String command) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> dirs;
        try (Stream<Path> entries = Files.list(tmp)) {
            dirs = entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        } catch (IOException e) {
            return;
        }
        for (Path dir : dirs) {
            if (owner(dir.getFileName().toString().substring(prefix.length())).filter(ProcessHandle::isAlive).isEmpty()) {
                pid(dir.resolve(PID_FILE)).flatMap(ProcessHandle::of)
                        .filter(p -> p.info().command().orElse("").endsWith("/" + command))
                        .ifPresent(LeftoverServers::killNow);
                Directories.deleteTree(dir);
            }
        }
    }

    private static Optional<ProcessHandle> owner(String pidAndRandom) {
        int dash = pidAndRandom.indexOf('-');
        try {
            return dash < 0 ? Optional.empty() : ProcessHandle.of(Long.parseLong(pidAndRandom.substring(0, dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void killNow(ProcessHandle server) {
        System.err.println("Killing " + server.info().command().orElse("?") + " (pid " + server.pid()
                + ") left by a test JVM that ended");
        server.destroyForcibly();
        server.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
