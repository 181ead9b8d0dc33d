package dev.confab.testkit;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A {@code pacat} or {@code parec} process a {@link PulseAudio} test server started on a pipe instead of a file: raw
 * 48 kHz 16-bit little-endian mono samples written to {@link #toPlay()} are played into a sink, or those a source
 * records are read from {@link #recorded()}, as the program's own real-time side takes or gives them. For measuring
 * timing from the test's own clock: the caller paces what it writes and timestamps what it reads.
 *
 * <p>Thread contract: one thread may write {@link #toPlay()} and another read {@link #recorded()}; {@link #close()} from
 * any thread ends the process.
 */
public final class PulsePipe implements AutoCloseable {
    private final Process process;
    private final Path log;

    PulsePipe(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Where a playing pipe takes its samples; closing it lets {@code pacat} play what is left and end. */
    public OutputStream toPlay() {
        return process.getOutputStream();
    }

    /** Where a recording pipe gives its samples, as the source delivers them; ends when the process does. */
    public InputStream recorded() {
        return process.getInputStream();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the process printed on its standard error, for a failing measurement to show. */
    public String log() {
        return ProcessOutput.tail(log, 20);
    }

    /** Ends the process (SIGTERM, then SIGKILL after 5 s) and waits for it. Idempotent. */
    @Override
    public void close() {
        Processes.stop(List.of(process.toHandle()), Duration.ofSeconds(5));
    }
}
