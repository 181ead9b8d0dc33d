package dev.confab.media.audio.device;

import java.util.concurrent.CompletableFuture;

/**
 * A running microphone: a dedicated thread hands 48 kHz mono 20 ms frames to a {@link FrameConsumer}. Made running by
 * its factory ({@link LineCapture}, {@link WavFileCapture}); thread-safe.
 */
public interface AudioCapture extends AutoCloseable {
    /** Counters so far. */
    LineStats stats();

    /** Completes when capture ends: after {@link #close()}, or when a file has no more frames. */
    CompletableFuture<Void> finished();

    /** Stops the thread and releases the device; idempotent. Returns once the consumer is called no more. */
    @Override
    void close();
}
