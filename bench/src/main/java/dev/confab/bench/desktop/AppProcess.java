package dev.confab.bench.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the installed-style desktop app ({@code java -cp confab.jar ...ConfabDesktop}) as a user starts it, on
 * a given X display, with its start-up marks in a file: when it was launched, when it reached a mark, how much memory
 * it holds, how much CPU time it used. {@link #close()} ends it as a window manager would (SIGTERM) and waits, so an
 * AOT cache being recorded is written. Not thread-safe: the benchmark's thread drives it.
 */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final long launchedAtMillis;
    private final Path marks;
    private final Path log;

    private AppProcess(Process process, long launchedAtMillis, Path marks, Path log) {
        this.process = process;
        this.launchedAtMillis = launchedAtMillis;
        this.marks = marks;
        this.log = log;
    }

    /**
     * Launches the app.
     *
     * @param jvmOptions before the class path, such as {@code -XX:AOTCache=...}
     * @param workDir where its marks file and log go (one per run)
     */
    static AppProcess launch(Path jar, List<String> jvmOptions, Path dataDir, String serverUrl, String display,
            Map<String, String> extraEnv, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path marks = workDir.resolve("marks.txt");
            Path log = workDir.resolve("app.log");
            Files.deleteIfExists(marks);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", jar.toString(),
                    "dev.confab.client.ui.app.ConfabDesktop", "--server", serverUrl, "--data-dir", dataDir.toString(),
                    "--startup-marks", marks.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DISPLAY", display);
            builder.environment().putAll(extraEnv);
            long launched = System.currentTimeMillis();
            return new AppProcess(builder.start(), launched, marks, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the desktop app", e);
        }
    }

    /** Milliseconds from launch until the app wrote {@code mark}; fails after {@code limit} or if the app ended. */
    long awaitMark(String mark, Duration limit) {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            Optional<Long> at = markTime(mark);
            if (at.isPresent()) {
                return at.get() - launchedAtMillis;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The app ended before '" + mark + "'; its log:\n" + tail());
            }
            Waits.pause(Duration.ofMillis(10));
        }
        throw new IllegalStateException("No '" + mark + "' within " + limit.toSeconds() + " s; the app's log:\n" + tail());
    }

    /** The app's resident memory now, in MiB (VmRSS). */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("No VmRSS for process " + process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("The app is gone", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The CPU time the app has used so far, user and system (utime + stime of /proc/PID/stat). */
    Duration cpuTime() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("No CPU time for process " + process.pid()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Long> markTime(String mark) {
        try {
            if (!Files.exists(marks)) {
                return Optional.empty();
            }
            return Files.readAllLines(marks).stream().map(l -> l.split(" "))
                    .filter(p -> p.length >= 2 && p[0].equals(mark)).map(p -> Long.parseLong(p[1])).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The last lines of the app's log, for a failure to show. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
