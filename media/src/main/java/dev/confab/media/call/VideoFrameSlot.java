package dev.confab.media.call;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;

/**
 * A mailbox of one frame between the camera and the video encoder: the newest frame wins. The capture thread copies
 * each frame in and never waits (but for the few instructions of a swap); a frame the encoder has not taken yet is
 * replaced and counted, so a slow encoder sees the freshest picture and no queue builds up. Three buffers turn round
 * (the capture's, the slot's, the encoder's), so steady capture of one size allocates nothing.
 *
 * <p>The encoder's thread also waits here for other work: {@link #wake} ends its wait without a frame.
 *
 * <p>Thread contract: {@link #post} on the capture thread; {@link #take} on the encoder thread; {@link #wake},
 * {@link #close} and {@link #replaced} from any thread.
 */
final class VideoFrameSlot {
    private I420Frame filling;
    private I420Frame pending;
    private I420Frame working;
    private boolean fresh;
    private boolean woken;
    private boolean closed;
    private long replaced;

    VideoFrameSlot(FrameSize initialSize) {
        filling = I420Frame.allocate(initialSize);
        pending = I420Frame.allocate(initialSize);
        working = I420Frame.allocate(initialSize);
    }

    /** Copies {@code frame} in, replacing a frame not yet taken. */
    void post(I420Frame frame) {
        I420Frame copy = filling;
        copy.copyFrom(frame);
        synchronized (this) {
            filling = pending;
            pending = copy;
            if (fresh) {
                replaced++;
            }
            fresh = true;
            notifyAll();
        }
    }

    /** Ends the encoder's wait in {@link #take} even without a frame. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /**
     * Waits for a frame, a {@link #wake} or {@link #close}; returns the newest frame, which the encoder owns until its
     * next call, or null when woken without one or closed. An interrupt does not end the wait (only close does); it
     * is kept for the caller.
     */
    synchronized I420Frame take() {
        boolean interrupted = false;
        while (!fresh && !woken && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        woken = false;
        if (closed || !fresh) {
            return null;
        }
        I420Frame taken = pending;
        pending = working;
        working = taken;
        fresh = false;
        return taken;
    }

    /** Frames replaced by a newer one before the encoder took them. */
    synchronized long replaced() {
        return replaced;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Makes {@link #take} return null from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
