package dev.confab.media.video.capture;

/**
 * Counters of a capture since it was opened. Immutable snapshot.
 *
 * @param captured         pictures read from the camera
 * @param delivered        frames handed to the consumer
 * @param dropped          frames dropped, oldest first, because the consumer fell behind
 * @param thinned          pictures left out to hold the chosen frame rate (the camera ran faster)
 * @param consumerFailures times the consumer threw; the frame was skipped and capture went on
 */
public record CaptureStats(long captured, long delivered, long dropped, long thinned, long consumerFailures) {}
