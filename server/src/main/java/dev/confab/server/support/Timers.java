package dev.confab.server.support;

import java.time.Duration;

/**
 * Runs tasks after a delay. The server uses one scheduled executor; tests use a manual implementation that
 * fires when the test advances time. Implementations are thread-safe.
 */
public interface Timers {
    /** A scheduled task that can be cancelled; cancelling after it ran does nothing. */
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} once after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);
}
