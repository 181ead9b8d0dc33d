package dev.confab.media.audio.device;

import java.util.concurrent.CompletableFuture;

/**
 * The dedicated high-priority thread of one capture or playout: runs a loop's steps until the loop says it is done or
 * {@link #close()} is called, then its cleanup, then completes {@link #finished()} (exceptionally with what a
 * step or the cleanup threw, which ends the loop). Thread-safe.
 */
final class AudioThread {
    /** What the thread repeats; called on that thread only. */
    interface Loop {
        /** Moves one frame; false when there are no more. */
        boolean step();

        /** Releases what the loop holds, once, as the thread ends. */
        void end();

        /** From another thread: makes a step blocked on a device return soon. */
        default void unblock() {}
    }

    private static final long JOIN_MILLIS = 2_000;

    private final Loop loop;
    private final Thread thread;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile boolean stopping;

    private AudioThread(String name, Loop loop) {
        this.loop = loop;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    static AudioThread start(String name, Loop loop) {
        AudioThread audio = new AudioThread(name, loop);
        audio.thread.start();
        return audio;
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    /** Ends the loop and waits (up to 2 s) for its thread; idempotent. */
    void close() {
        stopping = true;
        if (Thread.currentThread() == thread) {
            return;
        }
        loop.unblock();
        thread.interrupt();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        RuntimeException failure = null;
        try {
            while (!stopping && loop.step()) {
                // One frame per step.
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            loop.end();
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (failure == null) {
            finished.complete(null);
        } else {
            finished.completeExceptionally(failure);
        }
    }
}
