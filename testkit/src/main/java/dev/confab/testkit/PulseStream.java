package dev.confab.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code paplay} or {@code parec} process a {@link PulseAudio} test server started: playing a WAV file into a sink,
 * or recording a source into one. {@link #close()} ends it with SIGTERM, on which {@code parec} completes its WAV
 * header, so the recording is readable afterwards. Not thread-safe.
 */
public final class PulseStream implements AutoCloseable {
    private final Process process;
    private final Path file;
    private final Path log;

    PulseStream(Process process, Path file, Path log) {
        this.process = process;
        this.file = file;
        this.log = log;
    }

    /** The WAV file played or recorded. */
    public Path file() {
        return file;
    }

    /** Waits up to {@code timeout} for the process to end by itself (a playback reaching the end of its file). */
    public boolean awaitEnd(Duration timeout) {
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

    /** What the process printed, for a failing test to show. */
    public String log() {
        return ProcessOutput.tail(log, 20);
    }

    /** Ends the process (SIGTERM, then SIGKILL after 5 s) and waits for it. Idempotent. */
    @Override
    public void close() {
        Processes.stop(List.of(process.toHandle()), Duration.ofSeconds(5));
    }
}
