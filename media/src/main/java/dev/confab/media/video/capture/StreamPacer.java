package dev.confab.media.video.capture;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds pictures that come faster than real time (a test pattern, a file, FFmpeg's {@code lavfi} sources) to the pace
 * of their timestamps: each waits until its presentation time, counted from the first picture. A timestamp that goes
 * back (a file looping to its start) or leaps ahead, or a missing one, is due one frame interval after the previous
 * picture; after a stall of more than half a second the count starts afresh rather than rushing to catch up. Used by
 * one thread; an interrupt ends the wait early.
 */
final class StreamPacer {
    private static final long MAX_LEAP_NANOS = 1_000_000_000L;
    private static final long MAX_LAG_NANOS = 500_000_000L;

    private final long frameNanos;
    private boolean started;
    private long baseNanos;
    private double basePts = Double.NaN;
    private long lastDue;

    /** A pacer whose fallback spacing is {@code frameNanos}. */
    StreamPacer(long frameNanos) {
        this.frameNanos = frameNanos;
    }

    /** Waits until the picture with timestamp {@code ptsSeconds} (NaN when unknown) is due. */
    void awaitPresentation(double ptsSeconds) {
        long now = System.nanoTime();
        long due;
        if (!started) {
            started = true;
            due = rebase(now, ptsSeconds);
        } else if (Double.isNaN(ptsSeconds) || Double.isNaN(basePts)) {
            due = rebase(lastDue + frameNanos, ptsSeconds);
        } else {
            due = baseNanos + (long) ((ptsSeconds - basePts) * 1e9);
            if (due <= lastDue || due - lastDue > MAX_LEAP_NANOS) {
                due = rebase(lastDue + frameNanos, ptsSeconds);
            }
        }
        if (now - due > MAX_LAG_NANOS) {
            due = rebase(now, ptsSeconds);
        }
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
        lastDue = due;
    }

    private long rebase(long nanos, double ptsSeconds) {
        baseNanos = nanos;
        basePts = ptsSeconds;
        return nanos;
    }
}
