package dev.confab.media.audio.device;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Counts the sound server's devices and streams coming and going, from one long-running {@code pactl subscribe} per
 * JVM: the watcher of a line on a chosen device asks the server again only when the count moved, instead of every
 * second (about 12 ms of CPU each time, 1.2% of a core per line). While no subscription runs (no pactl, no server, or
 * it ended), {@link #changes} is -1 and the watchers ask as before; an ended subscription is started again at most
 * every {@value #RESTART_MILLIS} ms, and each start moves the count, as events may have been missed meanwhile.
 *
 * <p>Thread-safe: a daemon thread reads the events; {@link #changes} from any thread.
 */
final class PulseChangeFeed {
    private static final long RESTART_MILLIS = 5_000;
    /** A device (sink, source) or a stream (sink input, source output) added or removed. */
    private static final Pattern CHANGE = Pattern.compile(
            "Event '(new|remove)' on (sink|source|sink-input|source-output) #\\d+");
    private static final PulseChangeFeed SHARED = new PulseChangeFeed();

    private final AtomicLong changes = new AtomicLong();
    private Process process;
    private long startedAt = Long.MIN_VALUE;

    private PulseChangeFeed() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
    }

    /** The JVM's feed. */
    static PulseChangeFeed shared() {
        return SHARED;
    }

    /** How many changes were seen so far, or -1 while no subscription runs (it is then started, if it may be). */
    synchronized long changes() {
        if (process == null || !process.isAlive()) {
            long now = System.nanoTime();
            if (startedAt == Long.MIN_VALUE || now - startedAt > RESTART_MILLIS * 1_000_000) {
                startedAt = now;
                start();
            }
            return -1;
        }
        return changes.get();
    }

    /** Ends the subscription; a later {@link #changes} may start another. */
    synchronized void close() {
        if (process != null) {
            process.destroy();
            process = null;
        }
    }

    private void start() {
        try {
            Process started = PulseAudioControl.pactl("subscribe").start();
            started.getOutputStream().close();
            changes.incrementAndGet();
            process = started;
            Thread.ofPlatform().daemon().name("pulse-change-feed").start(() -> read(started));
        } catch (IOException e) {
            process = null; // no pactl: the watchers ask the server themselves
        }
    }

    private void read(Process from) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (CHANGE.matcher(line).find()) {
                    changes.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the subscription ended: changes() sees the process gone and starts another in time
        } finally {
            from.destroy();
        }
    }
}
