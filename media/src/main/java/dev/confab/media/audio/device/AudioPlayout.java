package dev.confab.media.audio.device;

import java.util.concurrent.CompletableFuture;

/**
 * A running speaker: a dedicated thread pulls 48 kHz mono 20 ms frames from a {@link FrameSupplier} and plays them.
 * Made running by its factory ({@link LinePlayout}, {@link WavFilePlayout}); thread-safe.
 */
public interface AudioPlayout extends AutoCloseable {
    /** Counters so far. */
    LineStats stats();

    /** Completes when playout ends: after {@link #close()}, or when a file playout took all the frames it wanted. */
    CompletableFuture<Void> finished();

    /** Stops the thread and releases the device; idempotent. Returns once the supplier is called no more. */
    @Override
    void close();
}
