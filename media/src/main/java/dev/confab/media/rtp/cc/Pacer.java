package dev.confab.media.rtp.cc;

import java.util.ArrayDeque;

/**
 * Spreads video packets out so a key frame does not hit the bottleneck queue as one burst: a leaky bucket that lets
 * bytes out at {@link #PACING_FACTOR} times the target (so a frame still leaves well within its interval) with a
 * budget of {@link #BURST_NANOS} worth, and faster when the queue holds more than {@link #MAX_QUEUE_NANOS} at that
 * rate, so the queue never grows without bound. At most {@link #MAX_PACKETS} wait; more are refused and counted.
 * Audio should not go through it (it is small and must not wait behind video).
 *
 * <p>It has no thread and reads no clock: the caller {@link #enqueue}s packets, then sends what {@link #poll} gives
 * and comes back at {@link #nextSendNanos}.
 *
 * <p>Thread contract: one thread at a time (the sender's).
 *
 * @param <T> the caller's packet
 */
public final class Pacer<T> {
    public static final double PACING_FACTOR = 2.5;
    public static final long BURST_NANOS = 5_000_000;
    public static final long MAX_QUEUE_NANOS = 500_000_000;
    public static final int MAX_PACKETS = 2048;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ArrayDeque<T> packets = new ArrayDeque<>();
    private final ArrayDeque<Integer> sizes = new ArrayDeque<>();
    private long queuedBytes;
    private double pacingBps;
    private double budgetBytes;
    private long lastNanos = Long.MIN_VALUE;
    private long refused;

    public Pacer(long targetBps) {
        setTargetBps(targetBps);
    }

    /** Follows a new target; the pacing rate is {@link #PACING_FACTOR} times it. */
    public void setTargetBps(long targetBps) {
        this.pacingBps = Math.max(targetBps, 1) * PACING_FACTOR;
    }

    /** Queues a packet of {@code sizeBytes}; false (and counted) if {@link #MAX_PACKETS} already wait. */
    public boolean enqueue(T packet, int sizeBytes) {
        if (packets.size() >= MAX_PACKETS) {
            refused++;
            return false;
        }
        packets.addLast(packet);
        sizes.addLast(sizeBytes);
        queuedBytes += sizeBytes;
        return true;
    }

    /** The next packet that may go now, or null if none waits or the budget is spent. */
    public T poll(long nowNanos) {
        refill(nowNanos);
        if (packets.isEmpty() || budgetBytes < 0) {
            return null;
        }
        int size = sizes.removeFirst();
        queuedBytes -= size;
        budgetBytes -= size;
        return packets.removeFirst();
    }

    /** When {@link #poll} may next give a packet: {@code nowNanos} or later, or Long.MAX_VALUE if none waits. */
    public long nextSendNanos(long nowNanos) {
        if (packets.isEmpty()) {
            return Long.MAX_VALUE;
        }
        refill(nowNanos);
        return budgetBytes >= 0 ? nowNanos
                : nowNanos + (long) Math.ceil(-budgetBytes * 8 * NANOS_PER_SECOND / rateBps());
    }

    /** Bytes waiting. */
    public long queuedBytes() {
        return queuedBytes;
    }

    /**
     * How long what waits will take to leave at the current rate: a sender may skip encoding a frame while this is
     * above a frame interval or two, so that frames do not pile up behind a key frame.
     */
    public long queueNanos() {
        return (long) (queuedBytes * 8.0 * NANOS_PER_SECOND / rateBps());
    }

    /** Packets refused because the queue was full. */
    public long refused() {
        return refused;
    }

    private void refill(long nowNanos) {
        if (lastNanos != Long.MIN_VALUE && nowNanos > lastNanos) {
            double rate = rateBps();
            double cap = rate * BURST_NANOS / 8 / NANOS_PER_SECOND;
            budgetBytes = Math.min(cap, budgetBytes + rate * (nowNanos - lastNanos) / 8 / NANOS_PER_SECOND);
        }
        lastNanos = Math.max(lastNanos, nowNanos);
    }

    private double rateBps() {
        return Math.max(pacingBps, queuedBytes * 8.0 * NANOS_PER_SECOND / MAX_QUEUE_NANOS);
    }
}
