package dev.confab.bench.desktop;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition the benchmark cannot be told about (another process, a client's state). Stateless. */
final class Waits {
    private Waits() {
    }

    /** Polls {@code condition} every {@code every} until it holds; after {@code limit} fails with {@code failure}. */
    static void until(BooleanSupplier condition, Duration limit, Duration every, Supplier<String> failure) {
        if (!within(condition, limit, every)) {
            throw new IllegalStateException(failure.get());
        }
    }

    /** Polls {@code condition} every {@code every} for at most {@code limit}; whether it came to hold. */
    static boolean within(BooleanSupplier condition, Duration limit, Duration every) {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                return false;
            }
            pause(every);
        }
        return true;
    }

    /** Sleeps, turning an interrupt into a failure of the benchmark (the interrupt flag kept). */
    static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
