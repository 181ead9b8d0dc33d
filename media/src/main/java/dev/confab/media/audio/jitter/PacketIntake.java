package dev.confab.media.audio.jitter;

/**
 * Places arrived packets for playout: extends their 16-bit sequence numbers and 32-bit timestamps across wraps, sorts
 * them into the {@link PacketWindow}, feeds their arrival delay to the {@link TargetDelay}, and drops (counting) the
 * duplicate, the late and the malformed. A jump no reordering explains (a sender restart) restarts the stream, dropping
 * what is buffered of the old one; stragglers of the old stream arriving after that count as late. Playout thread
 * only.
 */
final class PacketIntake {
    /** Largest packet taken: 120 ms, the longest Opus packet. */
    static final int MAX_PACKET_SAMPLES = 5760;
    /** A timestamp this far (10 s) from where the sequence number puts it restarts the stream. */
    private static final long MAX_TIMESTAMP_JUMP = 480_000;

    private final PacketSlots slots;
    private final FrameDecoder decoder;
    private final PacketWindow window;
    private final TargetDelay target;
    private final Counters counters;
    private final StreamPosition position;
    private boolean hadPrevious;
    private long previousHighestSeq;
    private long previousHighestTs;

    PacketIntake(PacketSlots slots, FrameDecoder decoder, PacketWindow window, TargetDelay target,
            Counters counters, StreamPosition position) {
        this.slots = slots;
        this.decoder = decoder;
        this.window = window;
        this.target = target;
        this.counters = counters;
        this.position = position;
    }

    /** Places every packet the network thread has queued. */
    void drain() {
        for (int slot = slots.nextArrived(); slot != SpscIntQueue.EMPTY; slot = slots.nextArrived()) {
            place(slot);
        }
    }

    private void place(int slot) {
        StreamPosition p = position;
        if (!p.started) {
            p.begin(slots.sequenceNumber(slot), slots.timestamp(slot));
        }
        long seq = extend16(slots.sequenceNumber(slot), p.highestSeq);
        long ts = extend32(slots.timestamp(slot), p.highestTs);
        if (seq - p.nextSeq >= PacketWindow.SPAN || jumped(seq, ts, p.highestSeq, p.highestTs)) {
            if (hadPrevious && !jumped(extend16(slots.sequenceNumber(slot), previousHighestSeq),
                    extend32(slots.timestamp(slot), previousHighestTs), previousHighestSeq, previousHighestTs)) {
                counters.late++;
                slots.release(slot);
            } else {
                restart(slot);
            }
            return;
        }
        if (seq < p.nextSeq) {
            if (p.playing || window.wasPlayed(seq)) {
                passed(slot, seq, ts);
                return;
            }
            p.nextSeq = seq;
            p.playTs = ts;
        }
        if (window.slot(seq) != PacketWindow.NONE) {
            counters.duplicate++;
            slots.release(slot);
            return;
        }
        int samples = decoder.samples(slots.payload(slot), 0, slots.length(slot));
        if (samples <= 0 || samples > MAX_PACKET_SAMPLES) {
            counters.discarded++;
            slots.release(slot);
            return;
        }
        window.store(seq, slot, ts, samples);
        if (seq > p.highestSeq) {
            p.highestSeq = seq;
            p.highestTs = ts;
            p.packetSamples = samples;
        }
        target.arrived(slots.arrivalNanos(slot), ts, samples);
    }

    /** Whether a packet numbered {@code seq, ts} is too far from the highest one for any reordering to explain. */
    private boolean jumped(long seq, long ts, long highestSeq, long highestTs) {
        long expectedTs = highestTs + (seq - highestSeq) * position.packetSamples;
        return Math.abs(seq - highestSeq) >= PacketWindow.SPAN || Math.abs(ts - expectedTs) > MAX_TIMESTAMP_JUMP;
    }

    /** The 16-bit {@code value} extended to the number nearest {@code reference}. */
    private static long extend16(int value, long reference) {
        return reference + (short) (value - (int) reference);
    }

    /** The 32-bit {@code value} extended to the number nearest {@code reference}. */
    private static long extend32(long value, long reference) {
        return reference + (int) (value - reference);
    }

    /** A packet whose turn has passed: played already (a duplicate), or given up for lost (late). */
    private void passed(int slot, long seq, long ts) {
        if (window.wasPlayed(seq)) {
            counters.duplicate++;
        } else {
            counters.late++;
            target.arrived(slots.arrivalNanos(slot), ts, position.packetSamples);
        }
        slots.release(slot);
    }

    private void restart(int slot) {
        StreamPosition p = position;
        for (long seq = p.nextSeq; seq <= p.highestSeq; seq++) {
            if (window.slot(seq) != PacketWindow.NONE) {
                counters.discarded++;
                slots.release(window.remove(seq));
            }
        }
        counters.resets++;
        hadPrevious = true;
        previousHighestSeq = p.highestSeq;
        previousHighestTs = p.highestTs;
        target.streamRestarted();
        p.begin(slots.sequenceNumber(slot), slots.timestamp(slot));
        place(slot);
    }
}
