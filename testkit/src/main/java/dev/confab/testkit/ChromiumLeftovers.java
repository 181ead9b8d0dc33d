package dev.confab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Finds what a {@link Chromium} left behind when its JVM died without closing it — a directory
 * {@code confab-chromium-*} whose {@code owner.pid} names a process that is gone — and removes it after killing the
 * processes whose command line names that directory (chromedriver's log path, the browser's user data dir, crashpad's
 * database). Nothing else is touched. Thread-safe.
 */
final class ChromiumLeftovers {
    static final String PREFIX = "confab-chromium-";
    static final String OWNER_FILE = "owner.pid";

    private ChromiumLeftovers() {}

    /** Cleans every abandoned directory under {@code tmp}. */
    static void clean(Path tmp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (abandoned(dir)) {
                    System.err.println("Removing Chromium left over by an earlier test run: " + dir);
                    Processes.stop(processesNaming(dir), Duration.ofSeconds(5));
                    Directories.deleteTree(dir);
                }
            }
        } catch (IOException e) {
            System.err.println("Could not look for Chromium leftovers in " + tmp + ": " + e.getMessage());
        }
    }

    /** The processes (other than this JVM) whose command line contains {@code dir}. */
    static List<ProcessHandle> processesNaming(Path dir) {
        String marker = dir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }

    private static boolean abandoned(Path dir) {
        Path owner = dir.resolve(OWNER_FILE);
        try {
            long pid = Long.parseLong(Files.readString(owner, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return Files.isDirectory(dir) && !Files.exists(owner) && olderThanAMinute(dir);
        }
    }

    private static boolean olderThanAMinute(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toMillis() < System.currentTimeMillis() - 60_000;
        } catch (IOException e) {
            return false;
        }
    }
}
