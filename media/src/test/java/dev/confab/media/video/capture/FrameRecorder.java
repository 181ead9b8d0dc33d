package dev.confab.media.video.capture;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.StampCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A consumer that notes what each delivered frame was: its size, capture time and stamp. Thread-safe. */
final class FrameRecorder implements VideoFrameConsumer {
    /** One delivered frame. */
    record Seen(FrameSize size, long captureMicros, Optional<FrameStamp> stamp, long arrivalNanos) {}

    private final List<Seen> seen = new ArrayList<>();

    @Override
    public void accept(I420Frame frame) {
        Seen one = new Seen(frame.size(), frame.captureTimeMicros(), StampCode.read(frame), System.nanoTime());
        synchronized (seen) {
            seen.add(one);
        }
    }

    int count() {
        synchronized (seen) {
            return seen.size();
        }
    }

    List<Seen> frames() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Frames a second over the first {@code frames} delivered, by their capture times. */
    double captureRate(int frames) {
        List<Seen> all = frames();
        return (frames - 1) * 1e6 / (all.get(frames - 1).captureMicros() - all.get(0).captureMicros());
    }

    /** Frames a second over the first {@code frames} delivered, by when they arrived. */
    double arrivalRate(int frames) {
        List<Seen> all = frames();
        return (frames - 1) * 1e9 / (all.get(frames - 1).arrivalNanos() - all.get(0).arrivalNanos());
    }
}
