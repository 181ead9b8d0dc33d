package dev.confab.media.audio.jitter;

/**
 * How late each packet arrived compared with the quickest packet of the last two seconds, judged by its RTP timestamp
 * (as NetEq's relative delay): jitter, reordering and late packets all show as delay, while a constant network delay
 * or a slow drift between the clocks does not. Remembers a bounded number of recent packets. Playout thread only.
 */
final class ArrivalDelay {
    private static final long WINDOW_NANOS = 2_000_000_000L;
    private static final int CAPACITY = 256;
    private static final double SAMPLES_PER_MS = 48.0;

    private final long[] arrivals = new long[CAPACITY];
    private final double[] transits = new double[CAPACITY];
    private int head;
    private int size;

    /** The relative delay in ms of a packet with (extended) timestamp {@code timestamp} arriving at {@code arrival}. */
    double relativeDelayMs(long arrivalNanos, long timestamp) {
        double transit = arrivalNanos / 1e6 - timestamp / SAMPLES_PER_MS;
        while (size > 0 && (size == CAPACITY || arrivalNanos - arrivals[head] > WINDOW_NANOS)) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int tail = (head + size) % CAPACITY;
        arrivals[tail] = arrivalNanos;
        transits[tail] = transit;
        size++;
        double quickest = transit;
        for (int i = 0, at = head; i < size; i++, at = (at + 1) % CAPACITY) {
            quickest = Math.min(quickest, transits[at]);
        }
        return transit - quickest;
    }

    /** Forgets every packet: timestamps of a restarted stream are not comparable with the old ones. */
    void clear() {
        head = 0;
        size = 0;
    }
}
