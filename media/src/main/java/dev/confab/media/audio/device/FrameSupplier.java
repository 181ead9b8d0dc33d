package dev.confab.media.audio.device;

/**
 * Gives playout its next 20 ms frame, called on the playout thread once per frame: a jitter buffer sits here. It fills
 * the array, which belongs to playout (silence, or concealment, when it has nothing), and returns quickly.
 */
@FunctionalInterface
public interface FrameSupplier {
    void fill(short[] frame);
}
