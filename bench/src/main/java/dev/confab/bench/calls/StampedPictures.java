package dev.confab.bench.calls;

import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.StampCode;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a benchmark peer's decoded pictures go: each is counted, the last one's size noted, and the test pattern's
 * stamp read from it ({@link StampCode#read}, the only per-picture work) to give its glass-to-glass time, this clock's
 * time when the picture is handed over minus the capture time the sender stamped in it. Both peers run on one machine,
 * so their wall clocks are the same clock. The times are kept from {@link #startSamples} on, up to
 * {@value #MAX_SAMPLES} of them (half an hour at 30 fps); later ones are counted but not kept.
 *
 * <p>Thread contract: {@link #show} is called on the decoder thread, the other methods from any thread; all share one
 * lock, which {@link #show} holds only to note its figures, not while reading the stamp.
 */
final class StampedPictures implements VideoFrameSink {
    static final int MAX_SAMPLES = 1 << 16;

    private final Clock clock;
    private final int[] glassToGlassMillis = new int[MAX_SAMPLES];
    private int samples;
    private long shown;
    private long unstamped;
    private int width;
    private int height;

    StampedPictures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void show(I420Frame frame, long rtpTimestamp) {
        long handedOver = clock.millis();
        Optional<FrameStamp> stamp = StampCode.read(frame);
        synchronized (this) {
            shown++;
            width = frame.width();
            height = frame.height();
            if (stamp.isEmpty()) {
                unstamped++;
            } else if (samples < MAX_SAMPLES) {
                glassToGlassMillis[samples++] = (int) (handedOver - stamp.get().captureMillis());
            }
        }
    }

    /** Pictures shown so far, and the last one's width and height (0 before the first): {@code SHOWN WIDTH HEIGHT}. */
    synchronized String counts() {
        return shown + " " + width + " " + height;
    }

    /** Forgets the glass-to-glass times and unstamped pictures so far. */
    synchronized void startSamples() {
        samples = 0;
        unstamped = 0;
    }

    /**
     * Since {@link #startSamples}: the pictures whose stamp did not read, then each kept glass-to-glass time in ms, in
     * the order shown, separated by spaces.
     */
    synchronized String samples() {
        StringBuilder reply = new StringBuilder().append(unstamped);
        Arrays.stream(glassToGlassMillis, 0, samples).forEach(millis -> reply.append(' ').append(millis));
        return reply.toString();
    }
}
