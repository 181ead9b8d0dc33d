package dev.confab.client.ui.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it on. Thread-safe. */
final class SteppedClock extends Clock {
    private final AtomicReference<Instant> now;

    SteppedClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
