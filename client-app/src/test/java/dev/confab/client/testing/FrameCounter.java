package dev.confab.client.testing;

import static org.awaitility.Awaitility.await;

import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.frame.I420Frame;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A video sink that only counts the pictures it is shown. Thread-safe. */
public final class FrameCounter implements VideoFrameSink {
    private final AtomicLong shown = new AtomicLong();

    @Override
    public void show(I420Frame frame, long rtpTimestamp) {
        shown.incrementAndGet();
    }

    public long count() {
        return shown.get();
    }

    /** Waits until no picture came for a second. */
    public void awaitStill() {
        long[] last = {count()};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long now = count();
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
    }
}
