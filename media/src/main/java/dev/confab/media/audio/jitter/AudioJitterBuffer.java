package dev.confab.media.audio.jitter;

import java.util.Objects;

/**
 * The receive-side adaptive audio jitter buffer of one stream (one SSRC), in the manner of WebRTC's NetEq: RTP
 * payloads go in as they arrive, 20 ms frames of 48 kHz mono PCM come out at the playout clock. It keeps a buffer just
 * deep enough for the observed jitter (a high percentile of the packets' arrival delay) and reaches that depth by
 * time-stretching decoded audio a pitch period at a time, never by dropping or inserting whole frames. It conceals
 * what is missing with the decoder's PLC, recovers a lost packet from its successor's FEC, plays DTX gaps as comfort
 * noise, and restarts cleanly when the sender does. Memory is fixed at construction: packets are copied into
 * preallocated slots, and a packet that finds none free is dropped and counted.
 *
 * <p>Threads: exactly one thread calls {@link #insert} (the network receive thread) and exactly one calls
 * {@link #pull} (the playout thread); they share no lock, only two single-producer single-consumer queues of slot
 * numbers, so neither ever waits for the other. The {@link FrameDecoder} is called on the playout thread only.
 * {@link #stats} may be called from any thread. An SSRC change is a new stream: the caller makes a new buffer.
 */
public final class AudioJitterBuffer {
    /** Samples in one frame of {@link #pull}: 20 ms at 48 kHz. */
    public static final int FRAME_SAMPLES = Playout.FRAME;

    private final PacketSlots slots;
    private final Counters counters = new Counters();
    private final Playout playout;

    public AudioJitterBuffer(FrameDecoder decoder, JitterBufferConfig config) {
        Objects.requireNonNull(decoder, "decoder");
        slots = new PacketSlots(config.packetSlots(), config.maxPacketBytes());
        playout = new Playout(config, slots, decoder, counters);
    }

    /**
     * Network thread: takes an RTP payload. The bytes are copied, so the caller may reuse {@code payload} at once.
     *
     * @param sequenceNumber the packet's 16-bit RTP sequence number
     * @param rtpTimestamp   its 32-bit RTP timestamp, at 48 kHz
     * @param arrivalNanos   when it arrived, on a monotonic clock (as {@link System#nanoTime})
     */
    public Insertion insert(int sequenceNumber, long rtpTimestamp, long arrivalNanos, byte[] payload, int off,
            int len) {
        if (len <= 0 || len > slots.maxBytes() || off < 0 || off > payload.length - len) {
            counters.refused++;
            return Insertion.BAD_SIZE;
        }
        if (!slots.put(sequenceNumber, rtpTimestamp, arrivalNanos, payload, off, len)) {
            counters.refused++;
            return Insertion.FULL;
        }
        counters.received++;
        return Insertion.QUEUED;
    }

    /**
     * Playout thread, every 20 ms: writes the next {@link #FRAME_SAMPLES} samples into {@code frame} (which must be at
     * least that long) and says what they are. Never blocks; zeros before the first packet.
     */
    public PlayoutKind pull(short[] frame) {
        if (frame.length < FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame holds " + FRAME_SAMPLES + " samples, not " + frame.length);
        }
        return playout.pull(frame);
    }

    /** Any thread: the counters now. */
    public JitterBufferStats stats() {
        return counters.snapshot();
    }
}
