package dev.confab.media.audio.jitter;

/**
 * The fixed store of packet copies: {@code count} slots of {@code maxBytes} each, allocated once, so a flood of packets
 * costs drops, never memory. A slot is owned by the network thread from taking it off the free queue until it is put
 * on the arrival queue, then by the playout thread until it is released; the queues' ordering publishes its contents.
 */
final class PacketSlots {
    private final byte[][] payloads;
    private final int[] lengths;
    private final int[] sequenceNumbers;
    private final long[] timestamps;
    private final long[] arrivalNanos;
    private final SpscIntQueue free;
    private final SpscIntQueue arrived;

    PacketSlots(int count, int maxBytes) {
        payloads = new byte[count][maxBytes];
        lengths = new int[count];
        sequenceNumbers = new int[count];
        timestamps = new long[count];
        arrivalNanos = new long[count];
        free = new SpscIntQueue(count);
        arrived = new SpscIntQueue(count);
        for (int slot = 0; slot < count; slot++) {
            free.offer(slot);
        }
    }

    int maxBytes() {
        return payloads[0].length;
    }

    /** Network thread: copies a packet into a free slot and queues it, or returns false if no slot is free. */
    boolean put(int sequenceNumber, long rtpTimestamp, long arrival, byte[] payload, int off, int len) {
        int slot = free.poll();
        if (slot == SpscIntQueue.EMPTY) {
            return false;
        }
        System.arraycopy(payload, off, payloads[slot], 0, len);
        lengths[slot] = len;
        sequenceNumbers[slot] = sequenceNumber & 0xffff;
        timestamps[slot] = rtpTimestamp & 0xffff_ffffL;
        arrivalNanos[slot] = arrival;
        arrived.offer(slot);
        return true;
    }

    /** Playout thread: the next slot the network thread queued, or {@link SpscIntQueue#EMPTY}. */
    int nextArrived() {
        return arrived.poll();
    }

    /** Playout thread: gives a slot back to the network thread. */
    void release(int slot) {
        free.offer(slot);
    }

    byte[] payload(int slot) {
        return payloads[slot];
    }

    int length(int slot) {
        return lengths[slot];
    }

    int sequenceNumber(int slot) {
        return sequenceNumbers[slot];
    }

    long timestamp(int slot) {
        return timestamps[slot];
    }

    long arrivalNanos(int slot) {
        return arrivalNanos[slot];
    }
}
