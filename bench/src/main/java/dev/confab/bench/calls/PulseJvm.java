package dev.confab.bench.calls;

import dev.confab.bench.WorkDirectory;
import dev.confab.testkit.PulseAudio;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Runs a main class of this classpath in a fresh JVM whose environment names a PulseAudio socket of its own in a
 * temporary directory, for the main class to start the daemon on ({@link PulseAudio#start()}): Java Sound finds the
 * server only through the environment a JVM starts with, and the benchmark's own JVM, and the browsers and clients it
 * starts, should not meet that server (the JVMs the main class starts inherit it). Stateless.
 */
final class PulseJvm {
    private PulseJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code args} and returns the lines it printed that are {@code results}, passing the
     * others on to standard output as they come; fails with the end of its log if it does not end within
     * {@code timeout} or exits with an error.
     */
    static List<String> run(Class<?> mainClass, List<String> args, Duration timeout, Predicate<String> results)
            throws Exception {
        Path dir = Files.createTempDirectory("confab-bench-pulse");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("jvm.log").toFile());
        builder.environment().put(PulseAudio.SERVER_VARIABLE, "unix:" + dir.resolve("native"));
        builder.environment().put("PULSE_COOKIE", dir.resolve("cookie").toString());
        Process process = builder.start();
        AtomicBoolean overdue = new AtomicBoolean();
        process.onExit().orTimeout(timeout.toSeconds(), TimeUnit.SECONDS).exceptionally(late -> {
            overdue.set(true);
            destroyWithDescendants(process);
            return process;
        });
        try {
            List<String> found = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (results.test(line)) {
                        found.add(line);
                    } else {
                        System.out.println(line);
                    }
                }
            }
            process.waitFor();
            if (overdue.get()) {
                throw new TimeoutException(mainClass.getSimpleName() + "'s JVM did not end within " + timeout
                        + "; its log ends:\n" + tail(dir.resolve("jvm.log")));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(mainClass.getSimpleName() + "'s JVM failed (exit "
                        + process.exitValue() + "); its log ends:\n" + tail(dir.resolve("jvm.log")));
            }
            return found;
        } finally {
            destroyWithDescendants(process);
            WorkDirectory.delete(dir);
        }
    }

    /** The JVM and what it started (the sound server, its streams, client JVMs), which would outlive it otherwise. */
    private static void destroyWithDescendants(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
