package dev.confab.media.audio.jitter;

import java.util.Arrays;

/**
 * Decoded samples not yet played, each tagged with the {@link PlayoutKind} that made it: a packet longer than a frame
 * leaves its rest here for the next pull, and the time-stretcher rewrites the head. A linear array that compacts when
 * the writer reaches its end. Playout thread only.
 */
final class SampleFifo {
    private final short[] samples;
    private final byte[] kinds;
    private int start;
    private int end;

    SampleFifo(int capacity) {
        samples = new short[capacity];
        kinds = new byte[capacity];
    }

    int size() {
        return end - start;
    }

    int capacity() {
        return samples.length;
    }

    /** The backing array; valid samples are at {@link #headOffset()} for {@link #size()}. */
    short[] array() {
        return samples;
    }

    int headOffset() {
        return start;
    }

    /** Makes room for {@code n} samples after the tail and returns where a decoder may write them. */
    int tailForWriting(int n) {
        if (end + n > samples.length) {
            int size = size();
            System.arraycopy(samples, start, samples, 0, size);
            System.arraycopy(kinds, start, kinds, 0, size);
            start = 0;
            end = size;
        }
        return end;
    }

    /** Room left for {@link #tailForWriting}. */
    int room() {
        return samples.length - size();
    }

    /** Appends the {@code n} samples just written at {@link #tailForWriting}, all of {@code kind}. */
    void commit(int n, PlayoutKind kind) {
        Arrays.fill(kinds, end, end + n, (byte) kind.ordinal());
        end += n;
    }

    /**
     * Replaces the first {@code removed} samples by {@code added} samples from {@code from}, tagged {@code kind}: the
     * time-stretcher's splice.
     */
    void replaceHead(int removed, short[] from, int added, PlayoutKind kind) {
        start += removed;
        if (start < added) {
            int size = size();
            int shift = added - start;
            System.arraycopy(samples, start, samples, start + shift, size);
            System.arraycopy(kinds, start, kinds, start + shift, size);
            start += shift;
            end += shift;
        }
        start -= added;
        System.arraycopy(from, 0, samples, start, added);
        Arrays.fill(kinds, start, start + added, (byte) kind.ordinal());
    }

    /** Moves the first {@code n} samples to {@code out}; {@code runs} sees each sample's kind. */
    void take(short[] out, int outOff, int n, KindRuns runs) {
        System.arraycopy(samples, start, out, outOff, n);
        for (int i = start; i < start + n; i++) {
            runs.sample(kinds[i]);
        }
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    void clear() {
        start = 0;
        end = 0;
    }

    /** Sees the kind of every played sample, in order. */
    interface KindRuns {
        void sample(byte kind);
    }
}
