package dev.confab.media.audio.device;

/**
 * Takes the captured 20 ms frames, called on the capture thread. The array is the capture's own and is overwritten by
 * the next frame: copy what must outlive the call, and return quickly (an encoder, or a hand-off to a queue).
 */
@FunctionalInterface
public interface FrameConsumer {
    void accept(short[] frame);
}
