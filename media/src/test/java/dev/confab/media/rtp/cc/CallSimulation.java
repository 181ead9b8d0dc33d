package dev.confab.media.rtp.cc;

import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpPacket;
import dev.confab.media.rtcp.RtcpParse;
import dev.confab.media.rtcp.TransportFeedback;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic call for tests over a {@link Bottleneck}, stepped by 1 ms of virtual time: audio (a 110-byte packet
 * every 20 ms, not paced) and video (frames at the ladder's rate sized by the encoder rate, a key frame four times
 * the size every 3 s, 1100-byte payloads plus 40 bytes of headers, through the {@link Pacer}) numbered by
 * {@link TransportCongestionControl}; the receiver's {@link TransportFeedbackRecorder} builds feedback every 100 ms,
 * which goes over the wire format back after a fixed delay. One {@link Second} is kept per simulated second.
 */
final class CallSimulation {
    static final long MS = 1_000_000;
    static final long SECOND = 1_000 * MS;
    private static final int AUDIO_BYTES = 110;
    private static final long AUDIO_INTERVAL = 20 * MS;
    private static final int PAYLOAD_BYTES = 1100;
    private static final int HEADER_BYTES = 40;
    private static final long KEY_FRAME_INTERVAL = 3 * SECOND;
    private static final long FEEDBACK_INTERVAL = 100 * MS;

    /** The figures of one simulated second. */
    record Second(int index, long targetBps, long deliveredBps, long queueDelayMs, int audioSent, int audioLost,
            VideoStep step) {
        @Override
        public String toString() {
            return String.format("t=%3d s target %5d kbit/s delivered %5d kbit/s queue %4d ms audio lost %d/%d %s",
                    index, targetBps / 1000, deliveredBps / 1000, queueDelayMs, audioLost, audioSent, step);
        }
    }

    private record Arrival(long atNanos, int sequence, int sizeBytes) {}

    private record Feedback(long atNanos, byte[] wire) {}

    private final Bottleneck link;
    private final long returnDelayNanos;
    private final TransportCongestionControl congestion;
    private final TransportFeedbackRecorder recorder = new TransportFeedbackRecorder();
    private final BitrateAllocator allocator = BitrateAllocator.withDefaults();
    private final VideoQualityLadder ladder;
    private final Pacer<Integer> pacer;
    private final ArrayDeque<Arrival> arrivals = new ArrayDeque<>();
    private final ArrayDeque<Feedback> feedback = new ArrayDeque<>();
    private final List<Second> seconds = new ArrayList<>();
    private long now;
    private long nextFrame;
    private long nextKeyFrame;
    private long deliveredBytes;
    private int audioSent;
    private int audioLost;

    CallSimulation(Bottleneck link, long returnDelayNanos, BandwidthLimits limits) {
        this.link = link;
        this.returnDelayNanos = returnDelayNanos;
        this.congestion = new TransportCongestionControl(limits);
        this.pacer = new Pacer<>(limits.startBps());
        this.ladder = VideoQualityLadder.withDefaults(allocator.allocate(limits.startBps()).videoBps());
    }

    /** Runs until {@code endNanos}, keeping a {@link Second} at each whole second. */
    void runUntil(long endNanos) {
        for (; now < endNanos; now += MS) {
            tick();
            if ((now + MS) % SECOND == 0) {
                seconds.add(new Second((int) ((now + MS) / SECOND), congestion.targetBps(), deliveredBytes * 8,
                        link.queueDelayNanos(now) / MS, audioSent, audioLost, ladder.current()));
                deliveredBytes = 0;
                audioSent = 0;
                audioLost = 0;
            }
        }
    }

    List<Second> seconds() {
        return seconds;
    }

    TransportCongestionControl congestion() {
        return congestion;
    }

    private void tick() {
        while (!arrivals.isEmpty() && arrivals.peekFirst().atNanos() <= now) {
            Arrival arrival = arrivals.removeFirst();
            recorder.onPacket(arrival.sequence(), arrival.atNanos());
            deliveredBytes += arrival.sizeBytes();
        }
        while (!feedback.isEmpty() && feedback.peekFirst().atNanos() <= now) {
            byte[] wire = feedback.removeFirst().wire();
            if (!(RtcpCompound.parse(wire, 0, wire.length) instanceof RtcpParse.Parsed parsed)) {
                throw new AssertionError("feedback does not parse");
            }
            for (RtcpPacket packet : parsed.packets()) {
                congestion.onFeedback((TransportFeedback) packet, now);
            }
        }
        if (now % FEEDBACK_INTERVAL == 0) {
            List<TransportFeedback> messages = recorder.buildFeedback(1, 2);
            if (!messages.isEmpty()) {
                byte[] wire = new byte[RtcpCompound.size(messages)];
                RtcpCompound.marshal(messages, wire, 0);
                feedback.addLast(new Feedback(now + returnDelayNanos, wire));
            }
        }
        long target = congestion.targetBps();
        BitrateAllocation allocation = allocator.allocate(target);
        pacer.setTargetBps(target);
        VideoStep step = ladder.update(allocation.videoBps(), CpuLoad.NORMAL, now);
        if (now % AUDIO_INTERVAL == 0) {
            audioSent++;
            audioLost += send(AUDIO_BYTES) ? 0 : 1;
        }
        if (now >= nextFrame) {
            nextFrame = now + SECOND / step.frameRate();
            long frameBytes = allocation.videoEncoderBps() / step.frameRate() / 8;
            if (now >= nextKeyFrame) {
                nextKeyFrame = now + KEY_FRAME_INTERVAL;
                frameBytes *= 4;
            }
            for (long left = frameBytes; left > 0; left -= PAYLOAD_BYTES) {
                pacer.enqueue((int) Math.min(left, PAYLOAD_BYTES) + HEADER_BYTES, (int) Math.min(left, PAYLOAD_BYTES)
                        + HEADER_BYTES);
            }
        }
        for (Integer size = pacer.poll(now); size != null; size = pacer.poll(now)) {
            send(size);
        }
    }

    private boolean send(int sizeBytes) {
        int sequence = congestion.onPacketSent(sizeBytes, now);
        long arrival = link.offer(sizeBytes, now);
        if (arrival < 0) {
            return false;
        }
        arrivals.addLast(new Arrival(arrival, sequence, sizeBytes));
        return true;
    }
}
