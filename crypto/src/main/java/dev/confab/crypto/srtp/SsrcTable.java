package dev.confab.crypto.srtp;

/**
 * A bounded map from SSRC to per-SSRC state, open addressing with linear probing over int keys, so that a lookup
 * neither boxes nor allocates. Holds at most {@code limit} entries; entries are never removed. Not thread-safe: one
 * owner at a time.
 */
final class SsrcTable<T> {
    private final int[] keys;
    private final Object[] values;
    private final int mask;
    private final int limit;
    private int size;

    SsrcTable(int limit) {
        int capacity = Integer.highestOneBit(limit * 2 - 1) << 1;
        keys = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        this.limit = limit;
    }

    /** The state of {@code ssrc}, or null. */
    @SuppressWarnings("unchecked")
    T get(int ssrc) {
        for (int slot = hash(ssrc); ; slot = (slot + 1) & mask) {
            Object value = values[slot];
            if (value == null || keys[slot] == ssrc) {
                return (T) value;
            }
        }
    }

    boolean isFull() {
        return size >= limit;
    }

    int size() {
        return size;
    }

    /** Adds state for an SSRC that is not in the table; the caller has checked {@link #isFull()}. */
    void add(int ssrc, T value) {
        if (isFull()) {
            throw new IllegalStateException("SSRC table full");
        }
        int slot = hash(ssrc);
        while (values[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = ssrc;
        values[slot] = value;
        size++;
    }

    private int hash(int ssrc) {
        int h = ssrc * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }
}
