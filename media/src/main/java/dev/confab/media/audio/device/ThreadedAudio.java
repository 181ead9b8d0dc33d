package dev.confab.media.audio.device;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** What every capture and playout does alike: counters, the end of its thread, and closing it. Thread-safe. */
abstract class ThreadedAudio {
    private final AudioThread thread;
    private final Supplier<LineStats> stats;

    ThreadedAudio(AudioThread thread, Supplier<LineStats> stats) {
        this.thread = thread;
        this.stats = stats;
    }

    public LineStats stats() {
        return stats.get();
    }

    public CompletableFuture<Void> finished() {
        return thread.finished();
    }

    public void close() {
        thread.close();
    }

    /** The counters of a file-backed device: frames only, one opening, nothing lost. */
    static Supplier<LineStats> fileStats(AtomicLong frames) {
        return () -> new LineStats(frames.get(), 0, 0, 0, 1, 0);
    }
}
