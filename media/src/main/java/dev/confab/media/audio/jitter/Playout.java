package dev.confab.media.audio.jitter;

import java.util.Arrays;

/**
 * The playout side of the jitter buffer: each pull places what arrived, decides whether to stretch, decodes packets in
 * sequence order into the {@link SampleFifo} until a frame is there, and hands the frame out.
 *
 * <p>A missing packet whose successor is here is recovered by the successor's FEC (its last frame) or concealed, and
 * counted lost. An empty buffer is concealed without moving the stream position, so the delay grows (the packets are
 * later than the target allowed for); if the sender is in DTX it is comfort noise instead, and the position moves. A
 * sequence that continues at a later timestamp is silence from the sender: comfort noise until the buffer holds its
 * target, then the rest of the silence is skipped. Playout thread only.
 */
final class Playout {
    static final int FRAME = 960;
    /** Concealment and comfort noise are made in multiples of 2.5 ms, as Opus requires. */
    private static final int CHUNK = 120;
    /** Decoded audio gathered before accelerating, so that two of the longest periods are there. */
    private static final int ACCELERATE_INPUT = FRAME + 2 * TimeStretcher.MAX_PERIOD;
    private static final int FIFO_CAPACITY = 16_384;

    private final JitterBufferConfig config;
    private final PacketSlots slots;
    private final FrameDecoder decoder;
    private final Counters counters;
    private final PacketWindow window = new PacketWindow();
    private final StreamPosition position = new StreamPosition();
    private final SampleFifo fifo = new SampleFifo(FIFO_CAPACITY);
    private final TimeStretcher stretcher = new TimeStretcher();
    private final LevelControl levelControl = new LevelControl();
    private final TargetDelay target;
    private final PacketIntake intake;
    private final PlayoutMeter meter;

    Playout(JitterBufferConfig config, PacketSlots slots, FrameDecoder decoder, Counters counters) {
        this.config = config;
        this.slots = slots;
        this.decoder = decoder;
        this.counters = counters;
        this.target = new TargetDelay(config);
        this.intake = new PacketIntake(slots, decoder, window, target, counters, position);
        this.meter = new PlayoutMeter(counters);
    }

    PlayoutKind pull(short[] frame) {
        long resets = counters.resets;
        intake.drain();
        if (counters.resets != resets) {
            levelControl.reset();
        }
        long level = level();
        counters.levelSamples = level;
        counters.targetSamples = target.samples();
        if (position.started && !position.playing) {
            position.waitedSamples += FRAME;
            long startDelay = config.startDelayMs() * 48L;
            position.playing = level >= startDelay || position.waitedSamples >= startDelay;
        }
        if (position.playing) {
            discardOverflow(level);
            LevelControl.Action action = levelControl.decide(level(), target.samples(), position.packetSamples,
                    target.spreadSamples());
            fill(FRAME);
            if (position.inDtx) {
                action = LevelControl.Action.NONE;
            }
            switch (action) {
                case ACCELERATE -> accelerate();
                case EXPAND -> expand();
                case NONE -> { }
            }
        }
        return take(frame);
    }

    /**
     * Samples buffered: decoded and waiting, the packets stored, and the packets missing between them (which will be
     * concealed or recovered, so they too are audio to play before the buffer runs dry). DTX gaps do not count.
     */
    private long level() {
        long level = fifo.size() + window.storedSamples();
        if (window.count() > 0) {
            long missing = position.highestSeq - position.nextSeq + 1 - window.count();
            level += missing * position.packetSamples;
        }
        return level;
    }

    private PlayoutKind take(short[] frame) {
        meter.startFrame();
        int n = Math.min(FRAME, fifo.size());
        fifo.take(frame, 0, n, meter);
        if (n < FRAME) {
            Arrays.fill(frame, n, FRAME, (short) 0);
            for (int i = n; i < FRAME; i++) {
                meter.silence();
            }
        }
        return meter.endFrame();
    }

    /** Past the configured maximum the oldest packets go, down to the target: the delay is worth more than they are. */
    private void discardOverflow(long level) {
        if (level <= config.maxBufferMs() * 48L) {
            return;
        }
        StreamPosition p = position;
        for (long seq = p.nextSeq; seq <= p.highestSeq && level() > target.samples(); seq++) {
            if (window.slot(seq) != PacketWindow.NONE) {
                p.playTs = window.timestamp(seq) + window.duration(seq);
                slots.release(window.remove(seq));
                counters.discarded++;
            }
            p.nextSeq = seq + 1;
        }
        p.underflowConcealed = 0;
    }

    private void fill(int wanted) {
        while (fifo.size() < wanted) {
            step(wanted - fifo.size());
        }
    }

    /** Adds at least one sample, or moves past at least one missing packet. */
    private void step(int needed) {
        StreamPosition p = position;
        int slot = window.slot(p.nextSeq);
        if (slot != PacketWindow.NONE) {
            if (silentUntil(window.timestamp(p.nextSeq), needed)) {
                decodeNext(slot);
            }
            return;
        }
        long successor = window.firstStoredAfter(p.nextSeq, p.highestSeq);
        if (successor == Long.MIN_VALUE) {
            int n = chunk(needed, Long.MAX_VALUE);
            if (p.inDtx) {
                generate(n, PlayoutKind.COMFORT_NOISE);
            } else {
                generate(n, PlayoutKind.CONCEALED);
                p.playTs -= n;
                p.underflowConcealed += n;
            }
            return;
        }
        // Concealment played while the buffer was empty stood in for the missing packets, all but the last, which FEC
        // may yet recover (the delay then grows by what was concealed, instead of the gap).
        long span = window.timestamp(successor) - p.playTs;
        long credit = Math.min(p.underflowConcealed, Math.max(0, span - window.duration(successor)));
        p.playTs += credit;
        p.underflowConcealed = 0;
        long missingSpan = (successor - p.nextSeq) * (long) window.duration(successor);
        if (silentUntil(window.timestamp(successor) - missingSpan, needed)) {
            recoverBefore(successor, needed);
        }
    }

    /**
     * The sender was silent (DTX, or simply sent nothing) until {@code timestamp}: plays comfort noise towards it and
     * returns false, or returns true once playout has reached it. Concealment played while the buffer was empty counts
     * as part of the silence; and once the buffer holds its target, the rest of the silence is skipped, which is how
     * playout regains the delay it wants at the start of a talk spurt.
     */
    private boolean silentUntil(long timestamp, int needed) {
        StreamPosition p = position;
        long ahead = timestamp - p.playTs;
        long credit = Math.min(Math.max(ahead, 0), p.underflowConcealed);
        p.playTs += credit;
        p.underflowConcealed = 0;
        ahead -= credit;
        if (ahead <= 0) {
            return true;
        }
        if (level() >= target.samples()) {
            p.playTs = timestamp;
            return true;
        }
        generate(chunk(needed, ahead), PlayoutKind.COMFORT_NOISE);
        return false;
    }

    /**
     * Packets from {@code nextSeq} up to {@code successor} are missing: conceal their span, except the last frame,
     * which the successor's FEC may recover.
     */
    private void recoverBefore(long successor, int needed) {
        StreamPosition p = position;
        long span = window.timestamp(successor) - p.playTs;
        long fecSpan = Math.min(span, window.duration(successor));
        if (span > fecSpan) {
            generate(chunk(needed, span - fecSpan), PlayoutKind.CONCEALED);
            return;
        }
        if (span > 0) {
            int slot = window.slot(successor);
            int off = fifo.tailForWriting((int) fecSpan);
            int n = decoder.decodeFec(slots.payload(slot), 0, slots.length(slot), fifo.array(), off, (int) fecSpan);
            if (n > 0) {
                fifo.commit(Math.min(n, (int) fecSpan), PlayoutKind.FEC_RECOVERED);
                p.playTs += fecSpan;
                counters.fecRecovered++;
            } else {
                generate((int) fecSpan, PlayoutKind.CONCEALED);
            }
        }
        counters.lost += successor - p.nextSeq;
        p.nextSeq = successor;
    }

    private void decodeNext(int slot) {
        StreamPosition p = position;
        long seq = p.nextSeq;
        int duration = window.duration(seq);
        byte[] payload = slots.payload(slot);
        int length = slots.length(slot);
        int off = fifo.tailForWriting(PacketIntake.MAX_PACKET_SAMPLES);
        int n = decoder.decode(payload, 0, length, fifo.array(), off);
        boolean dtx = decoder.isDtx(payload, 0, length);
        p.playTs = window.timestamp(seq) + duration;
        slots.release(window.remove(seq));
        window.markPlayed(seq);
        p.nextSeq = seq + 1;
        if (n > 0) {
            fifo.commit(Math.min(n, duration), dtx ? PlayoutKind.COMFORT_NOISE : PlayoutKind.NORMAL);
            p.inDtx = dtx;
            counters.played++;
        } else {
            counters.discarded++;
            p.playTs -= duration;
            generate(duration, PlayoutKind.CONCEALED);
        }
    }

    /** Concealment or comfort noise from the decoder, advancing the stream position; silence if it makes none. */
    private void generate(int samples, PlayoutKind kind) {
        int off = fifo.tailForWriting(samples);
        int n = decoder.conceal(fifo.array(), off, samples);
        if (n != samples) {
            Arrays.fill(fifo.array(), off + Math.max(0, Math.min(n, samples)), off + samples, (short) 0);
        }
        fifo.commit(samples, kind);
        position.playTs += samples;
    }

    /** What is still needed, rounded up to whole chunks, but not past {@code limit}. */
    private static int chunk(int needed, long limit) {
        int rounded = (needed + CHUNK - 1) / CHUNK * CHUNK;
        return (int) Math.max(1, Math.min(rounded, limit));
    }

    private void accelerate() {
        gatherDecoded(ACCELERATE_INPUT);
        long excess = levelControl.excessOver(target.samples()) + TimeStretcher.MIN_PERIOD * 2;
        int maxRemove = (int) Math.min(fifo.size() - FRAME, excess);
        int removed = stretcher.accelerate(fifo.array(), fifo.headOffset(), fifo.size(), maxRemove);
        if (removed > 0) {
            fifo.replaceHead(2 * removed, stretcher.spliced(), removed, PlayoutKind.ACCELERATED);
            counters.acceleratedSamples += removed;
            levelControl.stretched(-removed);
        }
    }

    private void expand() {
        int maxInsert = Math.min(TimeStretcher.MAX_PERIOD, fifo.room());
        int added = stretcher.expand(fifo.array(), fifo.headOffset(), fifo.size(), maxInsert);
        if (added > 0) {
            fifo.replaceHead(added, stretcher.spliced(), 2 * added, PlayoutKind.EXPANDED);
            counters.expandedSamples += added;
            levelControl.stretched(added);
        }
    }

    /** Decodes further packets that are here and in order, up to {@code wanted} samples, to give a stretch room. */
    private void gatherDecoded(int wanted) {
        StreamPosition p = position;
        while (fifo.size() < wanted) {
            int slot = window.slot(p.nextSeq);
            if (slot == PacketWindow.NONE || window.timestamp(p.nextSeq) > p.playTs) {
                return;
            }
            decodeNext(slot);
        }
    }
}
