package dev.confab.media.stun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on virtual time for timer tests: tasks run only inside {@link #advance}, on the calling thread, in
 * order of their due time, so retransmission schedules can be checked to the millisecond without waiting. Supports
 * what Confab's STUN and TURN clients use: {@code execute} and one-shot {@code schedule} of a Runnable.
 * Not thread-safe: one test thread.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;

    /** Virtual time since creation. */
    public Duration now() {
        return Duration.ofNanos(nowNanos);
    }

    /** Moves time forward by {@code step}, running every task that falls due, including ones they schedule. */
    public void advance(Duration step) {
        long until = nowNanos + step.toNanos();
        while (!queue.isEmpty() && queue.peek().dueNanos <= until) {
            Task task = queue.poll();
            nowNanos = task.dueNanos;
            task.run();
        }
        nowNanos = until;
    }

    /** Tasks waiting, cancelled ones excluded. */
    public int queued() {
        return (int) queue.stream().filter(task -> !task.isCancelled()).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, nowNanos + unit.toNanos(Math.max(0, delay)), sequence++);
        queue.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the clients under test");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the clients under test");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the clients under test");
    }

    @Override
    public void shutdown() {
        queue.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task extends java.util.concurrent.FutureTask<Void> implements ScheduledFuture<Void> {
        final long dueNanos;
        final long order;

        Task(Runnable command, long dueNanos, long order) {
            super(command, null);
            this.dueNanos = dueNanos;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task that = (Task) other;
            return dueNanos != that.dueNanos ? Long.compare(dueNanos, that.dueNanos) : Long.compare(order, that.order);
        }
    }
}
