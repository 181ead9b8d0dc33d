package dev.confab.server.metrics;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the database answers, as {@code /health} reports it, probed at most once per {@code maxAge}: a burst of
 * health checks (a load balancer, a monitoring storm, someone hammering the open endpoint) costs one database
 * round trip per second at most. Callers arriving while a probe runs wait for its answer. Thread-safe.
 */
public final class HealthProbe {
    private final BooleanSupplier probe;
    private final LongSupplier nanoTime;
    private final long maxAgeNanos;
    private boolean healthy;
    private long probedAt;
    private boolean probed;

    /**
     * @param probe    asks the database (may take a while when it is away)
     * @param nanoTime the monotonic clock ({@code System::nanoTime})
     */
    public HealthProbe(BooleanSupplier probe, LongSupplier nanoTime, Duration maxAge) {
        this.probe = probe;
        this.nanoTime = nanoTime;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The last answer if it is younger than {@code maxAge}, else a fresh one. */
    public synchronized boolean healthy() {
        if (!probed || nanoTime.getAsLong() - probedAt >= maxAgeNanos) {
            healthy = probe.getAsBoolean();
            probedAt = nanoTime.getAsLong();
            probed = true;
        }
        return healthy;
    }
}
