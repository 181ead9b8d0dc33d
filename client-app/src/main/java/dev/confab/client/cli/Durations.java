package dev.confab.client.cli;

import java.time.Duration;

/** Command-line seconds as durations. Stateless. */
final class Durations {
    private Durations() {}

    /** {@code seconds} (fractions allowed) as a duration; null stays null. @throws UsageException if negative */
    static Duration seconds(Double seconds) {
        if (seconds == null) {
            return null;
        }
        if (seconds < 0 || seconds.isNaN() || seconds.isInfinite()) {
            throw new UsageException("A number of seconds must be 0 or more.");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
