package dev.confab.server.support;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work decided under a lock to after the lock is released, keeping its order: {@link #add} while holding the
 * lock, {@link #drain} after releasing it. Whichever thread drains first runs every task added meanwhile, one at a
 * time in the order added, so tasks of two threads never interleave or overtake each other; a thread that finds a
 * drain running returns at once. This is how a change's events keep the change order without a socket write
 * ever starting under the lock. A task that throws is logged and skipped. Thread-safe.
 */
public final class OrderedOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedOutbox.class);

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger wip = new AtomicInteger();

    /** Queues a task; call under the lock that orders the tasks. */
    public void add(Runnable task) {
        tasks.add(task);
    }

    /** Runs the queued tasks unless another thread is already doing so; call after releasing the lock. */
    public void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("An ordered task failed", e);
                }
            }
        } while (wip.decrementAndGet() != 0);
    }
}
