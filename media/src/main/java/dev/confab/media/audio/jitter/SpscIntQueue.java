package dev.confab.media.audio.jitter;

/**
 * A bounded lock-free queue of ints for exactly one producer thread and one consumer thread: slot numbers travel from
 * the network thread to playout and back through two of these. The volatile tail written after the element (and the
 * volatile head written after reading it) order everything the producer wrote before {@link #offer} before what the
 * consumer does after {@link #poll}, so a slot's bytes need no further synchronisation.
 */
final class SpscIntQueue {
    static final int EMPTY = -1;

    private final int[] elements;
    private final int mask;
    private volatile long head;
    private volatile long tail;

    /** A queue of {@code capacity} elements, a power of two. */
    SpscIntQueue(int capacity) {
        if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        elements = new int[capacity];
        mask = capacity - 1;
    }

    /** Producer only: appends {@code value} (not negative), or returns false if the queue is full. */
    boolean offer(int value) {
        long t = tail;
        if (t - head == elements.length) {
            return false;
        }
        elements[(int) t & mask] = value;
        tail = t + 1;
        return true;
    }

    /** Consumer only: the oldest element, or {@link #EMPTY}. */
    int poll() {
        long h = head;
        if (h == tail) {
            return EMPTY;
        }
        int value = elements[(int) h & mask];
        head = h + 1;
        return value;
    }
}
