package dev.confab.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands to completion: the lab's {@code ip}, {@code iptables} and {@code tc} calls, short commands in a
 * host, and the system commands other tests need (dpkg, for one). Output goes to a temporary file, so a command that
 * hangs is killed at its timeout instead of blocking a reader. Thread-safe.
 */
public final class Shell {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Shell() {}

    /** Runs {@code command} for at most 30 s and returns what it printed and its exit code. */
    public static CommandResult run(List<String> command) {
        return run(command, DEFAULT_TIMEOUT);
    }

    /** Runs {@code command}, killing it after {@code timeout}, and returns what it printed and its exit code. */
    public static CommandResult run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    /** As {@link #run(List, Duration)}, with {@code env} added to this JVM's environment. */
    public static CommandResult run(List<String> command, Map<String, String> env, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("confab-cmd-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms: " + String.join(" ", command)
                        + "\n" + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            return new CommandResult(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        } finally {
            deleteQuietly(output);
        }
    }

    /** Runs {@code command} and fails with its output unless it exits 0; returns the output. */
    public static String check(List<String> command) {
        return run(command).orThrow().output();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("Could not remove " + file + ": " + e.getMessage());
            }
        }
    }
}
