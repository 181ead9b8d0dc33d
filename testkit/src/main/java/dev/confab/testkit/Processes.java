package dev.confab.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes a launcher started: SIGTERM, a grace period, then SIGKILL. Thread-safe. */
final class Processes {
    private Processes() {}

    /** Asks each live process to end, waits up to {@code grace} in all, then kills what is left and waits for it. */
    static void stop(List<ProcessHandle> processes, Duration grace) {
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        awaitAll(processes, grace);
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitAll(processes, Duration.ofSeconds(5));
    }

    private static void awaitAll(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Some are still alive: the caller escalates, or reports.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
