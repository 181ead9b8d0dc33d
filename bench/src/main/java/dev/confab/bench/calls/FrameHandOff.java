package dev.confab.bench.calls;

import dev.confab.media.audio.device.FrameConsumer;
import dev.confab.media.audio.device.FrameSupplier;
import java.util.Arrays;

/**
 * A capture line's frames handed straight to a playout line, first in first out, at most {@value #CAPACITY} held: when
 * the capture delivers a frame with the hand-off full, the oldest is dropped, so that a clump of frames at start-up
 * does not stay as delay; when the playout pulls with the hand-off empty, it plays silence.
 *
 * <p>Thread contract: one capture thread calls {@link #accept}, one playout thread {@link #fill}.
 */
final class FrameHandOff implements FrameConsumer, FrameSupplier {
    private static final int CAPACITY = 2;

    private final short[][] frames = new short[CAPACITY][Bursts.FRAME];
    private int oldest;
    private int held;

    @Override
    public synchronized void accept(short[] frame) {
        if (held == CAPACITY) {
            oldest = (oldest + 1) % CAPACITY;
            held--;
        }
        System.arraycopy(frame, 0, frames[(oldest + held) % CAPACITY], 0, Bursts.FRAME);
        held++;
    }

    @Override
    public synchronized void fill(short[] frame) {
        if (held == 0) {
            Arrays.fill(frame, (short) 0);
            return;
        }
        System.arraycopy(frames[oldest], 0, frame, 0, Bursts.FRAME);
        oldest = (oldest + 1) % CAPACITY;
        held--;
    }
}
