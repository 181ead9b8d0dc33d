package dev.confab.media.audio.device;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import javax.sound.sampled.DataLine;

/**
 * Waits on an audio thread until one line can move a whole frame at once. Java Sound's blocking read and write wait
 * in steps of a quarter of the line's buffer (15 ms for 60 ms), so a frame that is not all there when asked for comes
 * up to a step late and wakes its thread twice; this wakes it about once per frame, as the frame completes.
 *
 * <p>A line that moves sample by sample completes a frame when the bytes still missing have moved, so it sleeps for
 * exactly those. A line fed in chunks, as PulseAudio feeds a stream it resamples (a 44.1 kHz microphone: a frame's
 * worth every 20 ms, the frame 16 bytes short until the next chunk), would have it wake every half millisecond until
 * the next chunk. When a sleep leaves the frame short and the line has not moved at all, the line is taken to come in
 * chunks. Its waits then keep a schedule: each frame is due a frame's time after the one before. The thread sleeps
 * until a little before the frame is due; if the frame is there, the next is due a frame after the time it aimed at
 * (not after it woke, as a parked thread oversleeps), and the aim creeps earlier, by 0.1 ms a frame and faster after
 * four frames in a row were there, until it wakes before a chunk; then it looks again in growing steps (0.5 ms to
 * 4 ms) and the next frame is due a frame after the look that found this one. A frame found complete when the thread
 * comes late, held up, moves the schedule on by a frame. The line is taken to move sample by sample again when a
 * sleep finds it moved but the frame still short; the schedule is dropped when a frame is more than a frame overdue.
 * Only capture keeps such a schedule (see {@link #forPlayout}). Not thread-safe: one per line, used on its audio
 * thread.
 */
final class LineWait {
    private static final long MARGIN_NANOS = 300_000;
    private static final long GIVE_UP_NANOS = 2 * AudioFrames.FRAME_NANOS;
    private static final long FIRST_LOOK_NANOS = 500_000;
    private static final long CREEP_NANOS = 100_000;
    private static final long LONGEST_CREEP_NANOS = AudioFrames.FRAME_NANOS / 4;
    private static final int AIMED_IN_TIME_BEFORE_FASTER_CREEP = 4;
    private static final long LONGEST_LOOK_NANOS = 4_000_000;

    private final IntSupplier line;
    private final int bufferBytes;
    private final int frameBytes;
    private final LongSupplier nanoClock;
    private final LongConsumer parkNanos;
    private final boolean schedulesChunks;
    private boolean chunked;
    private long frameDueAt;
    private boolean onCadence;
    private long creep = CREEP_NANOS;
    private int aimedInTime;

    /**
     * A wait on {@code line} (its {@link DataLine#available()}) of {@code bufferBytes}, on the given clock and sleep;
     * {@code schedulesChunks} whether a line found to come in chunks is waited for on a schedule.
     */
    LineWait(IntSupplier line, int bufferBytes, int frameBytes, LongSupplier nanoClock, LongConsumer parkNanos,
            boolean schedulesChunks) {
        this.line = line;
        this.bufferBytes = bufferBytes;
        this.frameBytes = frameBytes;
        this.nanoClock = nanoClock;
        this.parkNanos = parkNanos;
        this.schedulesChunks = schedulesChunks;
    }

    /** A wait on an opened capture line, on the system's clock, that keeps a schedule for a line fed in chunks. */
    static LineWait forCapture(OpenedLine opened) {
        return on(opened, true);
    }

    /**
     * A wait on an opened playout line, on the system's clock, that always sleeps for the room still missing. Room
     * comes a whole frame at a time (at every device rate tried, 16 to 96 kHz), so such a sleep wakes once a frame; it
     * wakes a little later than the room comes, a little more each frame until a frame's room is there on arrival, so
     * playout pulls its frames at a phase that drifts: on loopback calls that kept mouth-to-ear ~6 ms lower (median of
     * four runs each) than pulling promptly at a phase locked to the sound server's.
     */
    static LineWait forPlayout(OpenedLine opened) {
        return on(opened, false);
    }

    private static LineWait on(OpenedLine opened, boolean schedulesChunks) {
        DataLine line = opened.line();
        return new LineWait(line::available, line.getBufferSize(), opened.frameBytes(), System::nanoTime,
                LockSupport::parkNanos, schedulesChunks);
    }

    /**
     * Sleeps until the line has a frame available (to read from a capture line, or free to write to a playout line);
     * {@code available} is what the caller just read of {@link DataLine#available()}. Returns early, leaving the frame
     * to the line's blocking call and the stall check, after two frames' time (a line that does not move) or when the
     * thread is interrupted. A line that holds less than two frames is not waited for: it would have to run nearly full
     * (capture) or nearly empty (playout) first.
     */
    void untilFrameAvailable(int available) {
        if (bufferBytes < 2 * frameBytes) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (available >= frameBytes) {
            if (onCadence && now - frameDueAt >= -AudioFrames.FRAME_NANOS / 2) {
                frameDueAt += AudioFrames.FRAME_NANOS; // it came while this thread was held up, not with the last
            }
            return;
        }
        long giveUpAt = now + GIVE_UP_NANOS;
        onCadence &= chunked && now - frameDueAt < AudioFrames.FRAME_NANOS;
        long aim = frameDueAt - creep;
        boolean aimed = onCadence && aim - now >= FIRST_LOOK_NANOS;
        long wakeAt = aimed ? aim : now + (onCadence ? FIRST_LOOK_NANOS : missingNanos(available));
        long look = FIRST_LOOK_NANOS;
        int sleeps = 0;
        while (available < frameBytes) {
            long sleep = Math.min(wakeAt, giveUpAt) - now;
            if (sleep <= 0 || Thread.currentThread().isInterrupted()) {
                return;
            }
            parkNanos.accept(sleep);
            sleeps++;
            int before = available;
            available = line.getAsInt();
            now = nanoClock.getAsLong();
            if (available < frameBytes) {
                chunked = schedulesChunks && available == before;
            }
            wakeAt = now + (chunked ? look : missingNanos(available));
            look = Math.min(2 * look, LONGEST_LOOK_NANOS);
        }
        if (aimed && sleeps == 1) {
            // The chunk came before the aimed wake: keep to the schedule (not to the wake, which oversleeps), earlier.
            frameDueAt = aim + AudioFrames.FRAME_NANOS;
            creep = ++aimedInTime >= AIMED_IN_TIME_BEFORE_FASTER_CREEP ? Math.min(2 * creep, LONGEST_CREEP_NANOS)
                    : CREEP_NANOS;
        } else {
            // It came since the last look, at most one look late: the creep takes the rest.
            frameDueAt = now + AudioFrames.FRAME_NANOS;
            creep = CREEP_NANOS;
            aimedInTime = 0;
        }
        onCadence = true;
    }

    /** How long the line moving sample by sample takes to make up the bytes a frame still misses, with a margin. */
    private long missingNanos(int available) {
        return (frameBytes - available) * AudioFrames.FRAME_NANOS / frameBytes + MARGIN_NANOS;
    }
}
