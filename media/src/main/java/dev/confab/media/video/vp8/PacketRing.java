package dev.confab.media.video.vp8;

import java.util.Arrays;

/**
 * The packets a {@link Vp8FrameAssembler} holds, in slots indexed by extended sequence number modulo the capacity.
 * Each slot keeps the packet's VP8 data (descriptor removed), timestamp, flags and PictureID; a slot's array is made
 * on its first use and kept. The assembler keeps every sequence number it holds within one capacity of each other.
 *
 * <p>Thread contract: the assembler's.
 */
final class PacketRing {
    static final int MARKER = 1;
    /** S with PID 0: the frame's first packet. */
    static final int FRAME_START = 2;
    static final int KEY_FRAME = 4;
    /** M: the PictureID has 15 bits. */
    static final int LONG_PICTURE_ID = 8;
    /** An empty payload: a padding-only packet that fills its sequence number and belongs to no frame. */
    static final int PADDING = 16;
    private static final long EMPTY = Long.MIN_VALUE;

    private final int mask;
    private final int maxBytes;
    private final long[] sequence;
    private final long[] timestamp;
    private final int[] flags;
    private final int[] pictureId;
    private final int[] length;
    private final byte[][] data;

    PacketRing(int capacity, int maxBytes) {
        this.mask = capacity - 1;
        this.maxBytes = maxBytes;
        this.sequence = new long[capacity];
        this.timestamp = new long[capacity];
        this.flags = new int[capacity];
        this.pictureId = new int[capacity];
        this.length = new int[capacity];
        this.data = new byte[capacity][];
        Arrays.fill(sequence, EMPTY);
    }

    int capacity() {
        return mask + 1;
    }

    boolean has(long seq) {
        return sequence[slot(seq)] == seq;
    }

    /** Stores a packet; the slot must be free or hold one the assembler is done with. */
    void put(long seq, long ts, int packetFlags, int picture, byte[] src, int off, int len) {
        int slot = slot(seq);
        if (data[slot] == null) {
            data[slot] = new byte[maxBytes];
        }
        System.arraycopy(src, off, data[slot], 0, len);
        sequence[slot] = seq;
        timestamp[slot] = ts;
        flags[slot] = packetFlags;
        pictureId[slot] = picture;
        length[slot] = len;
    }

    void remove(long seq) {
        sequence[slot(seq)] = EMPTY;
    }

    long timestamp(long seq) {
        return timestamp[slot(seq)];
    }

    boolean is(long seq, int flag) {
        return (flags[slot(seq)] & flag) != 0;
    }

    int pictureId(long seq) {
        return pictureId[slot(seq)];
    }

    int length(long seq) {
        return length[slot(seq)];
    }

    /** Copies the packet's data to {@code dst[at]}; returns where the next goes. */
    int copy(long seq, byte[] dst, int at) {
        int slot = slot(seq);
        System.arraycopy(data[slot], 0, dst, at, length[slot]);
        return at + length[slot];
    }

    private int slot(long seq) {
        return (int) seq & mask;
    }
}
