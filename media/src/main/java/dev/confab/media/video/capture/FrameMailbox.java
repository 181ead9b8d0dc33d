package dev.confab.media.video.capture;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands frames from the capture thread to the delivery thread through a queue of at most {@value #QUEUED} frames:
 * when a third arrives the oldest is dropped and counted, so a slow consumer sees fresh pictures, never a growing
 * delay. Frames come from a fixed pool of {@value #POOL} reused buffers, so steady capture allocates nothing.
 *
 * <p>Thread contract: {@link #emptyFrame}, {@link #post} and {@link #recycle} of a capture frame on the capture thread;
 * {@link #takeNext} and {@link #recycle} of a delivered frame on the delivery thread; {@link #discardQueued()},
 * {@link #close()} and the counters from any thread.
 */
final class FrameMailbox {
    static final int QUEUED = 2;
    /** The queue, one frame being filled and one being consumed. */
    private static final int POOL = QUEUED + 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition posted = lock.newCondition();
    private final ArrayDeque<I420Frame> free = new ArrayDeque<>(POOL);
    private final ArrayDeque<I420Frame> queue = new ArrayDeque<>(QUEUED + 1);
    private long dropped;
    private boolean closed;

    FrameMailbox(FrameSize size) {
        for (int i = 0; i < POOL; i++) {
            free.add(I420Frame.allocate(size));
        }
    }

    /** A frame for the capture thread to fill: with two queued and one at the consumer, the pool holds the fourth. */
    I420Frame emptyFrame() {
        lock.lock();
        try {
            return free.pop();
        } finally {
            lock.unlock();
        }
    }

    /** Queues a filled frame, dropping the oldest when the queue is full. */
    void post(I420Frame frame) {
        lock.lock();
        try {
            queue.add(frame);
            if (queue.size() > QUEUED) {
                free.add(queue.poll());
                dropped++;
            }
            posted.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Returns a frame to the pool: one not posted, or one the consumer is done with. */
    void recycle(I420Frame frame) {
        lock.lock();
        try {
            free.add(frame);
        } finally {
            lock.unlock();
        }
    }

    /** The oldest queued frame, waiting for one; null once closed. */
    I420Frame takeNext() {
        lock.lock();
        try {
            while (!closed && queue.isEmpty()) {
                posted.awaitUninterruptibly();
            }
            return closed ? null : queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the queued frames (the camera was turned off: they are stale by the time it is on again). */
    void discardQueued() {
        lock.lock();
        try {
            dropped += queue.size();
            free.addAll(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Frames dropped because the consumer fell behind, or queued when the camera was turned off. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Makes {@link #takeNext} return null from now on; queued frames are not delivered. */
    void close() {
        lock.lock();
        try {
            closed = true;
            posted.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
