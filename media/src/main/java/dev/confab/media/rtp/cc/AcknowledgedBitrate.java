package dev.confab.media.rtp.cc;

/**
 * The rate at which packets got through: bytes reported received whose arrival falls in the last {@link #WINDOW_NANOS}
 * of the receiver's clock, over that window (or over the time since the first arrival, once that is 150 ms, before a
 * whole window has passed). Keeps the last {@link #CAPACITY} arrivals, enough for 500 ms at over 30 Mbit/s.
 *
 * <p>Thread contract: one thread at a time (the estimator's).
 */
final class AcknowledgedBitrate {
    static final long WINDOW_NANOS = 500_000_000;
    static final int CAPACITY = 2048;
    private static final long FIRST_ESTIMATE_NANOS = 150_000_000;

    private final long[] arrival = new long[CAPACITY];
    private final int[] size = new int[CAPACITY];
    private int head;
    private int count;
    private long bytes;
    private boolean started;
    private long firstArrival;
    private long newestArrival;

    /** Takes a received packet, in arrival order (an earlier arrival than the newest counts as the newest). */
    void onReceived(long arrivalNanos, int sizeBytes) {
        if (!started) {
            started = true;
            firstArrival = arrivalNanos;
            newestArrival = arrivalNanos;
        }
        newestArrival = Math.max(newestArrival, arrivalNanos);
        if (count == CAPACITY) {
            drop();
        }
        int tail = (head + count) % CAPACITY;
        arrival[tail] = newestArrival;
        size[tail] = sizeBytes;
        count++;
        bytes += sizeBytes;
        while (count > 0 && arrival[head] <= newestArrival - WINDOW_NANOS) {
            drop();
        }
    }

    /** Bits per second, or -1 before 150 ms of arrivals. */
    long bitrateBps() {
        long span = Math.min(newestArrival - firstArrival, WINDOW_NANOS);
        if (!started || span < FIRST_ESTIMATE_NANOS) {
            return -1;
        }
        return bytes * 8 * 1_000_000_000L / span;
    }

    private void drop() {
        bytes -= size[head];
        head = (head + 1) % CAPACITY;
        count--;
    }
}
