package dev.confab.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time of one headless Chromium: its browser process (found by its user data directory on the command line)
 * and every process under it, as {@code /proc} reports them. Processes that end between two readings drop out of the
 * sum, so read while the browser is steady. Immutable.
 *
 * @param browser the browser's main process
 */
public record BrowserCpu(ProcessHandle browser) {

    /** The browser whose user data directory lies under {@code dir}. */
    public static BrowserCpu of(Path dir) {
        List<ProcessHandle> browsers = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/chromium")).orElse(false))
                .filter(p -> p.info().arguments().map(args -> Stream.of(args)
                        .anyMatch(a -> a.startsWith("--user-data-dir=" + dir))).orElse(false))
                .filter(p -> p.parent().map(parent -> !parent.info().command().orElse("").endsWith("/chromium"))
                        .orElse(true))
                .toList();
        if (browsers.size() != 1) {
            throw new IllegalStateException("expected one browser process for " + dir + ", found " + browsers);
        }
        return new BrowserCpu(browsers.getFirst());
    }

    /** The CPU time of the browser and all its descendants now, with the wall-clock time it was read at. */
    public Reading read() {
        return new Reading(total(), System.nanoTime());
    }

    private Duration total() {
        return Stream.concat(Stream.of(browser), browser.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The browser's CPU time at a moment. Immutable.
     *
     * @param cpu       CPU time of all its processes
     * @param wallNanos {@link System#nanoTime()} when it was read
     */
    public record Reading(Duration cpu, long wallNanos) {
        /** The CPU used from {@code earlier} to this reading, as a percentage of one core. */
        public double percentOfCoreSince(Reading earlier) {
            return 100.0 * cpu.minus(earlier.cpu).toNanos() / (wallNanos - earlier.wallNanos);
        }
    }
}
