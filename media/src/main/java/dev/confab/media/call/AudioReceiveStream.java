package dev.confab.media.call;

import dev.confab.media.audio.device.AudioFrames;
import dev.confab.media.audio.device.FrameSupplier;
import dev.confab.media.audio.opus.OpusDecoder;
import dev.confab.media.rtp.RtpPacketReader;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer's audio on its way to the speaker: decrypted RTP from the transport, checked (version, payload type),
 * Opus-decoded in arrival order into a bounded sample queue that playout drains 20 ms at a time, with silence when the
 * queue runs dry.
 *
 * <p>Thread contract: {@link #rtp} runs on the transport's receive thread, {@link #fill} on the playout thread;
 * {@link #start} and the counters from any thread.
 */
final class AudioReceiveStream implements FrameSupplier, AutoCloseable {

    /** Hears of each accepted packet, for the receiver statistics. */
    @FunctionalInterface
    interface Arrivals {
        void arrived(int ssrc, int sequence, long timestamp, long arrivalNanos);
    }

    private static final int QUEUE_SAMPLES = AudioFrames.SAMPLE_RATE * 2 / 5;
    private static final int MAX_DECODED = 5760;

    private final Arrivals arrivals;
    private final RtpPacketReader reader = new RtpPacketReader();
    private final short[] decoded = new short[MAX_DECODED];
    private final short[] queue = new short[QUEUE_SAMPLES];
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong packetsRefused = new AtomicLong();
    private final AtomicLong framesFilled = new AtomicLong();
    private final AtomicLong framesSilent = new AtomicLong();
    private volatile int payloadType = -1;
    private OpusDecoder decoder;
    private int head;
    private int size;

    AudioReceiveStream(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    /** Negotiation is done: packets of this payload type are decoded from now on. */
    synchronized void start(int negotiatedPayloadType) {
        if (decoder == null) {
            decoder = OpusDecoder.create(1);
        }
        payloadType = negotiatedPayloadType;
    }

    /** One decrypted RTP packet (receive thread). */
    void rtp(byte[] buf, int off, int len) {
        int expected = payloadType;
        int payloadLength = reader.wrap(buf, off, len);
        if (expected < 0 || payloadLength <= 0 || reader.payloadType() != expected) {
            packetsRefused.incrementAndGet();
            return;
        }
        packetsReceived.incrementAndGet();
        arrivals.arrived(reader.ssrc(), reader.sequenceNumber(), reader.timestamp(), System.nanoTime());
        synchronized (this) {
            if (decoder == null) {
                return;
            }
            int samples = decoder.decode(buf, reader.payloadOffset(), payloadLength, decoded, 0, MAX_DECODED);
            if (samples > 0) {
                enqueue(samples);
            }
        }
    }

    @Override
    public void fill(short[] frame) {
        synchronized (this) {
            if (size >= frame.length) {
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = queue[(head + i) % QUEUE_SAMPLES];
                }
                head = (head + frame.length) % QUEUE_SAMPLES;
                size -= frame.length;
                framesFilled.incrementAndGet();
                return;
            }
        }
        Arrays.fill(frame, (short) 0);
        framesSilent.incrementAndGet();
    }

    long packetsReceived() {
        return packetsReceived.get();
    }

    long packetsRefused() {
        return packetsRefused.get();
    }

    long framesFilled() {
        return framesFilled.get();
    }

    long framesSilent() {
        return framesSilent.get();
    }

    @Override
    public synchronized void close() {
        payloadType = -1;
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }

    /** Appends, dropping the oldest samples when the queue is full (the sender runs ahead of playout). */
    private void enqueue(int samples) {
        for (int i = 0; i < samples; i++) {
            if (size == QUEUE_SAMPLES) {
                head = (head + 1) % QUEUE_SAMPLES;
                size--;
            }
            queue[(head + size) % QUEUE_SAMPLES] = decoded[i];
            size++;
        }
    }
}
