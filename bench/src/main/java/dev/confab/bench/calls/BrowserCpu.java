package dev.confab.bench.calls;

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
record BrowserCpu(ProcessHandle browser) {

    /** The browser whose user data directory lies under {@code dir}. */
    static BrowserCpu of(Path dir) {
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

    /** The CPU time of the browser and all its descendants now. */
    Duration total() {
        return Stream.concat(Stream.of(browser), browser.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
