package dev.confab.server.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Timers} on one daemon scheduler thread. Tasks must be short (they hand work to queues); a task that
 * throws is logged and does not stop the scheduler. Thread-safe; {@link #close()} stops it.
 */
public final class ExecutorTimers implements Timers, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTimers.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "confab-timers");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(() -> safely(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** Runs {@code task} every {@code period} until closed. */
    public void every(Duration period, Runnable task) {
        executor.scheduleWithFixedDelay(() -> safely(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Timer task failed", e);
        }
    }
}
