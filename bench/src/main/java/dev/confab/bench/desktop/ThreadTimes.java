package dev.confab.bench.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU time of each thread of another process, by thread name (Linux keeps its first 15 characters; threads of one
 * name are added up), from utime + stime of {@code /proc/PID/task/TID/stat}, in milliseconds. Immutable.
 */
record ThreadTimes(Map<String, Long> millisByName) {
    private static final int UTIME_AFTER_NAME = 11;
    private static final int STIME_AFTER_NAME = 12;

    ThreadTimes {
        millisByName = Map.copyOf(millisByName);
    }

    /** The process's live threads now; a thread that ends while they are read is left out. */
    static ThreadTimes of(long pid, long clockTicksPerSecond) {
        Map<String, Long> millis = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String[] after = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(after[UTIME_AFTER_NAME]) + Long.parseLong(after[STIME_AFTER_NAME]);
                millis.merge(stat.substring(open + 1, close), ticks * 1000 / clockTicksPerSecond, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the threads of process " + pid, e);
        }
        return new ThreadTimes(millis);
    }

    /** The kernel's clock ticks per second, in which /proc counts CPU time ({@code getconf CLK_TCK}). */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!getconf.waitFor(10, TimeUnit.SECONDS) || getconf.exitValue() != 0) {
                throw new IllegalStateException("getconf CLK_TCK failed: " + out);
            }
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run getconf", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The {@code count} names that used the most CPU since {@code before}, as "name=ms", the busiest first. */
    List<String> busiestSince(ThreadTimes before, int count) {
        return millisByName.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.millisByName.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(count).map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
