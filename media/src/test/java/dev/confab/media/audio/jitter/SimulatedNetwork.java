package dev.confab.media.audio.jitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * A seeded sender and network for the jitter buffer: the sender emits one packet per {@code packetMs} (skipping the
 * silent ones of a DTX period but for one every 400 ms, restarting with new numbers if told), and the network loses
 * packets (random, with bursts: after a loss the next is lost with {@code burstLoss}), delays each by a base plus a
 * uniform jitter (so packets overtake each other), and duplicates some. Produces the arrivals in arrival order.
 * Mutable builder; one thread.
 */
final class SimulatedNetwork {
    static final long BASE_DELAY_NANOS = 40_000_000;
    static final long START_NANOS = 1_000_000_000;

    /** One packet as the receiver sees it arrive. */
    record Arrival(long atNanos, int sequenceNumber, long rtpTimestamp, byte[] payload) {}

    private final long seed;
    private int packets = 1000;
    private int packetSamples = 960;
    private IntToDoubleFunction jitterMs = i -> 0;
    private double loss;
    private double burstLoss;
    private double duplicates;
    private boolean fec;
    private int firstSequenceNumber = 1000;
    private long firstTimestamp = 123_456;
    private int dtxFrom = -1;
    private int dtxTo = -1;
    private int restartAt = -1;

    SimulatedNetwork(long seed) {
        this.seed = seed;
    }

    SimulatedNetwork packets(int count, int samplesEach) {
        packets = count;
        packetSamples = samplesEach;
        return this;
    }

    SimulatedNetwork jitterMs(double max) {
        return jitterMs(i -> max);
    }

    /** The maximum jitter of the packet sent {@code i}-th. */
    SimulatedNetwork jitterMs(IntToDoubleFunction maxOfPacket) {
        jitterMs = maxOfPacket;
        return this;
    }

    SimulatedNetwork loss(double rate, double burst) {
        loss = rate;
        burstLoss = burst;
        return this;
    }

    SimulatedNetwork duplicates(double rate) {
        duplicates = rate;
        return this;
    }

    SimulatedNetwork withFec() {
        fec = true;
        return this;
    }

    SimulatedNetwork startingAt(int sequenceNumber, long timestamp) {
        firstSequenceNumber = sequenceNumber;
        firstTimestamp = timestamp;
        return this;
    }

    /** Packets {@code [from, to)} fall in a DTX period. */
    SimulatedNetwork dtx(int from, int to) {
        dtxFrom = from;
        dtxTo = to;
        return this;
    }

    /** From packet {@code index} on, the sender numbers afresh (as after a restart). */
    SimulatedNetwork restartAt(int index) {
        restartAt = index;
        return this;
    }

    /** The time between two packets sent. */
    long packetNanos() {
        return packetSamples * 1_000_000_000L / 48_000;
    }

    List<Arrival> arrivals() {
        SplittableRandom random = new SplittableRandom(seed);
        List<Arrival> arrivals = new ArrayList<>();
        long seq = firstSequenceNumber;
        long timestampBase = firstTimestamp;
        boolean lastLost = false;
        for (int i = 0; i < packets; i++) {
            if (i == restartAt) {
                seq = random.nextInt(65536);
                timestampBase = random.nextLong(1L << 32) - (long) i * packetSamples;
            }
            boolean inDtx = i >= dtxFrom && i < dtxTo;
            if (inDtx && (i - dtxFrom) % 20 != 0) {
                continue;
            }
            long timestamp = timestampBase + (long) i * packetSamples;
            byte[] payload = inDtx ? SyntheticDecoder.dtx(packetSamples)
                    : SyntheticDecoder.audio(timestamp, packetSamples, fec);
            int sequenceNumber = (int) (seq++ & 0xffff);
            boolean lost = random.nextDouble() < (lastLost ? burstLoss : loss);
            lastLost = lost;
            if (lost) {
                continue;
            }
            int copies = random.nextDouble() < duplicates ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                long jitter = Math.round(random.nextDouble() * jitterMs.applyAsDouble(i) * 1_000_000);
                long at = START_NANOS + i * packetNanos() + BASE_DELAY_NANOS + jitter;
                arrivals.add(new Arrival(at, sequenceNumber, timestamp & 0xffff_ffffL, payload));
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::atNanos));
        return arrivals;
    }
}
