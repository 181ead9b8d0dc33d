package dev.confab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A private X server without a screen (Xvfb) for tests that open real windows: {@link #display()} goes into the
 * {@code DISPLAY} of the processes the test starts. It takes the first free display number from :90, listens only
 * on its local socket, and {@link #close()} stops it (a shutdown hook does if the JVM ends first; one left by a
 * crashed JVM is killed by the next start). Not thread-safe: one test thread drives it.
 */
public final class Xvfb implements AutoCloseable {
    private static final String DIR_PREFIX = "confab-xvfb-";
    private static final Path SOCKETS = Path.of("/tmp/.X11-unix");

    private final Process process;
    private final Path dir;
    private final int number;
    private final Thread shutdownHook;

    private Xvfb(Process process, Path dir, int number) {
        this.process = process;
        this.dir = dir;
        this.number = number;
        this.shutdownHook = new Thread(this::stop, "xvfb-test-cleanup");
    }

    /** Starts Xvfb with one screen of {@code width} x {@code height} x 24 bits, or says what to install. */
    public static Xvfb start(int width, int height) {
        if (!Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            throw new IllegalStateException("Xvfb is not installed: apt-get install xvfb (./test.sh does it as root).");
        }
        LeftoverServers.kill(DIR_PREFIX, "Xvfb");
        try {
            Path dir = Files.createTempDirectory(LeftoverServers.directoryPrefix(DIR_PREFIX));
            for (int number = 90; number < 190; number++) {
                if (Files.exists(Path.of("/tmp/.X" + number + "-lock")) || Files.exists(SOCKETS.resolve("X" + number))) {
                    continue;
                }
                Process process = new ProcessBuilder("/usr/bin/Xvfb", ":" + number, "-screen", "0",
                        width + "x" + height + "x24", "-nolisten", "tcp", "-noreset")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
                LeftoverServers.recordServer(dir, process.pid());
                Xvfb xvfb = new Xvfb(process, dir, number);
                if (xvfb.awaitSocket(Duration.ofSeconds(10))) {
                    Runtime.getRuntime().addShutdownHook(xvfb.shutdownHook);
                    return xvfb;
                }
                xvfb.stop();
            }
            Directories.deleteTree(dir);
            throw new IllegalStateException("No X display from :90 to :189 could be started; see the Xvfb logs.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Xvfb", e);
        }
    }

    /** The value for {@code DISPLAY}, such as {@code :90}. */
    public String display() {
        return ":" + number;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs stop() itself.
        }
        stop();
    }

    private boolean awaitSocket(Duration limit) {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                return false; // lost the race for this number, or broken: the log says which
            }
            if (Files.exists(SOCKETS.resolve("X" + number))) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void stop() {
        Processes.stop(List.of(process.toHandle()), Duration.ofSeconds(5));
        Directories.deleteTree(dir);
    }
}
