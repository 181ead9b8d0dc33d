package dev.confab.media.audio.jitter;

import java.util.Arrays;

/**
 * The packets waiting to be played, indexed by extended sequence number modulo {@link #SPAN}, plus which recent
 * sequence numbers were already played, so a packet arriving again is told apart from one arriving too late. The caller
 * keeps every stored number within {@link #SPAN} of the next to play. Playout thread only.
 */
final class PacketWindow {
    /** How far apart (in sequence numbers) stored and remembered packets may be; a bigger jump resets the stream. */
    static final int SPAN = 512;
    private static final int MASK = SPAN - 1;
    static final int NONE = -1;

    private final int[] slots = new int[SPAN];
    private final long[] storedSeq = new long[SPAN];
    private final long[] timestamps = new long[SPAN];
    private final int[] durations = new int[SPAN];
    private final long[] playedSeq = new long[SPAN];
    private int count;
    private long storedSamples;

    PacketWindow() {
        Arrays.fill(slots, NONE);
        Arrays.fill(storedSeq, Long.MIN_VALUE);
        Arrays.fill(playedSeq, Long.MIN_VALUE);
    }

    /** The slot holding {@code seq}, or {@link #NONE}. */
    int slot(long seq) {
        int i = (int) seq & MASK;
        return storedSeq[i] == seq ? slots[i] : NONE;
    }

    /** The (extended) timestamp of the stored packet {@code seq}. */
    long timestamp(long seq) {
        return timestamps[(int) seq & MASK];
    }

    /** The duration in samples of the stored packet {@code seq}. */
    int duration(long seq) {
        return durations[(int) seq & MASK];
    }

    void store(long seq, int slot, long timestamp, int samples) {
        int i = (int) seq & MASK;
        slots[i] = slot;
        storedSeq[i] = seq;
        timestamps[i] = timestamp;
        durations[i] = samples;
        count++;
        storedSamples += samples;
    }

    /** Forgets the stored packet {@code seq} and returns its slot. */
    int remove(long seq) {
        int i = (int) seq & MASK;
        int slot = slots[i];
        slots[i] = NONE;
        storedSeq[i] = Long.MIN_VALUE;
        count--;
        storedSamples -= durations[i];
        return slot;
    }

    /** The lowest stored sequence number in {@code (from, to]}, or {@code Long.MIN_VALUE}. */
    long firstStoredAfter(long from, long to) {
        if (count == 0) {
            return Long.MIN_VALUE;
        }
        for (long seq = from + 1; seq <= to; seq++) {
            if (storedSeq[(int) seq & MASK] == seq) {
                return seq;
            }
        }
        return Long.MIN_VALUE;
    }

    int count() {
        return count;
    }

    long storedSamples() {
        return storedSamples;
    }

    void markPlayed(long seq) {
        playedSeq[(int) seq & MASK] = seq;
    }

    boolean wasPlayed(long seq) {
        return playedSeq[(int) seq & MASK] == seq;
    }
}
