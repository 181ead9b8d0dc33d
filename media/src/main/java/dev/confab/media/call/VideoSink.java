package dev.confab.media.call;

import dev.confab.media.video.frame.I420Frame;

/**
 * Takes the peer's decoded pictures, called on the call's video decode thread, one at a time, in order. The frame
 * belongs to the call and is reused once this returns: copy what must outlive the call, and return quickly (a view
 * hands the picture to its own thread); while it runs, newer pictures replace the one waiting.
 */
@FunctionalInterface
public interface VideoSink {
    /** Shows nothing: the pictures are decoded (so statistics count them) and dropped. */
    VideoSink NONE = frame -> { };

    void frame(I420Frame frame);
}
