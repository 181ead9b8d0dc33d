package dev.confab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ffmpeg process for a test: started with {@code -hide_banner -nostdin} and the given arguments, stdout and
 * stderr going to files in a private temporary directory (which {@link #dir()} offers for SDP and output files too).
 * {@link #close()} stops it (SIGTERM, then SIGKILL after 5 s) and removes the directory. Fails saying what to install
 * when ffmpeg is missing. Not thread-safe: one test thread at a time.
 */
public final class Ffmpeg implements AutoCloseable {
    private final Path dir;
    private Process process;

    private Ffmpeg(Path dir) {
        this.dir = dir;
    }

    /** A launcher with its own directory; write input files there, then {@link #start}. */
    public static Ffmpeg prepare() {
        try {
            new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg is not installed: apt-get install -y ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try {
            return new Ffmpeg(Files.createTempDirectory("confab-ffmpeg-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a directory for ffmpeg", e);
        }
    }

    /** The process's private directory. */
    public Path dir() {
        return dir;
    }

    /** Starts {@code ffmpeg -hide_banner -nostdin <args>}. */
    public Ffmpeg start(List<String> args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin"));
        command.addAll(args);
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .redirectError(dir.resolve("stderr.log").toFile()).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start ffmpeg", e);
        }
    }

    /** Waits up to {@code timeout} for the process to end; true if it did. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only after the process ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** What ffmpeg logged so far (stderr). */
    public String log() {
        return read("stderr.log");
    }

    /** A file in the process's directory, as text; empty if it does not exist (yet). */
    public String read(String file) {
        try {
            Path path = dir.resolve(file);
            return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(5))) {
                process.destroyForcibly();
                awaitExit(Duration.ofSeconds(5));
            }
        }
        Directories.deleteTree(dir);
    }
}
