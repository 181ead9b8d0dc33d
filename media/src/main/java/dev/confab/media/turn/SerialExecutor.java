package dev.confab.media.turn;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks one at a time, in the order given, on a scheduler's threads: the serial queue a TURN client keeps its
 * state on, over a scheduler that may have several threads. Timers run their task on the queue too. A task that
 * throws is reported to the thread's uncaught-exception handler and the queue goes on. Thread-safe.
 */
final class SerialExecutor implements Executor {
    private final ScheduledExecutorService scheduler;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    SerialExecutor(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            scheduler.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (tasks) {
                tasks.clear();
                draining = false;
            }
            throw e;
        }
    }

    /** Runs {@code task} on this queue after {@code delay}. */
    ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return scheduler.schedule(() -> execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Cancels a timer, if there is one. */
    static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        }
    }
}
