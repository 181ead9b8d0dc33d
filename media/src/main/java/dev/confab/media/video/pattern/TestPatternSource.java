package dev.confab.media.video.pattern;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.time.Clock;
import java.time.Instant;

/**
 * A camera that films the {@link TestPattern}: each {@link #next} draws the next frame, stamped with its number and
 * the clock's time in milliseconds, which also becomes the frame's capture time. Pacing frames at the frame rate is
 * the caller's job (a capture thread); the pattern's motion assumes they are.
 *
 * <p>Thread contract: one thread at a time (the capture thread).
 */
public final class TestPatternSource {
    private final TestPattern pattern;
    private final Clock clock;
    private long frameNumber;

    /** A source of {@code size} pictures at {@code frameRate} frames a second, stamped with {@code clock}'s time. */
    public TestPatternSource(FrameSize size, int frameRate, Clock clock) {
        this.pattern = new TestPattern(size, frameRate);
        this.clock = clock;
    }

    public FrameSize size() {
        return pattern.size();
    }

    public int frameRate() {
        return pattern.frameRate();
    }

    /** Nanoseconds between frames at the frame rate. */
    public long frameIntervalNanos() {
        return 1_000_000_000L / pattern.frameRate();
    }

    /** Draws the next frame into {@code out} and returns its stamp. */
    public FrameStamp next(I420Frame out) {
        Instant now = clock.instant();
        FrameStamp stamp = new FrameStamp(frameNumber, now.toEpochMilli() & FrameStamp.MAX_CAPTURE_MILLIS);
        frameNumber = (frameNumber + 1) & FrameStamp.MAX_FRAME_NUMBER;
        pattern.render(stamp, out);
        out.setCaptureTimeMicros(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000);
        return stamp;
    }
}
