package dev.confab.crypto.dtls;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Runs one task on a new platform thread and measures the bytes that thread allocated. */
final class AllocationMeter implements Executor {

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long allocated = -1;

    @Override
    public void execute(Runnable task) {
        Thread.ofPlatform().name("allocation-meter").start(() -> {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                task.run();
            } finally {
                allocated = threads.getCurrentThreadAllocatedBytes() - before;
                done.countDown();
            }
        });
    }

    /** Waits for the task to end and returns what it allocated. */
    long allocatedBytes(Duration wait) throws InterruptedException {
        if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the task did not end within " + wait);
        }
        return allocated;
    }
}
