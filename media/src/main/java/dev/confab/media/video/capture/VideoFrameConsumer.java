package dev.confab.media.video.capture;

import dev.confab.media.video.frame.I420Frame;

/**
 * Takes captured frames, called on the capture's delivery thread, one frame at a time. The frame, of the size the
 * capture was opened for and stamped with its capture time, belongs to the capture and is reused once this returns:
 * copy what must outlive the call, and return within a frame interval (an encoder, or a hand-off); while it runs, newer
 * frames wait in a queue of two and the oldest is dropped.
 */
@FunctionalInterface
public interface VideoFrameConsumer {
    void accept(I420Frame frame);
}
