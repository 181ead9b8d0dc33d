package dev.confab.media.call;

import dev.confab.media.video.frame.I420Frame;

/**
 * Takes the peer's decoded pictures, on the video decoder thread, one at a time. The frame is lent: it belongs to the
 * decoder and is overwritten by the next picture once this returns, so a renderer copies what it keeps (into its own
 * pool, as {@link I420Frame#copyFrom} does without allocating) and returns quickly; while it runs, assembled frames
 * wait in the decoder's queue.
 */
@FunctionalInterface
public interface VideoFrameSink {
    /** Shows nothing: the pictures are decoded (so the statistics count them) and dropped. */
    VideoFrameSink NONE = (frame, rtpTimestamp) -> { };

    /** A picture to show, with the RTP timestamp (90 kHz) of the frame it was decoded from. */
    void show(I420Frame frame, long rtpTimestamp);
}
