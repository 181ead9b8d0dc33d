package dev.confab.media.call;

import dev.confab.media.audio.device.FrameSupplier;
import dev.confab.media.audio.jitter.AudioJitterBuffer;
import dev.confab.media.audio.jitter.JitterBufferConfig;
import dev.confab.media.audio.jitter.JitterBufferStats;
import dev.confab.media.audio.jitter.PlayoutKind;
import dev.confab.media.rtp.RtpPacketReader;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer's audio on its way to the speaker: decrypted RTP from the transport, checked (version, payload type, the
 * one SSRC the peer sends from), into an adaptive jitter buffer ({@link AudioJitterBuffer}), out of it through Opus
 * as 20 ms frames for playout, with loss concealed, recovered by FEC, and delay adapted by time-stretching.
 *
 * <p>Thread contract: {@link #rtp} runs on the transport's receive thread, {@link #fill} on the playout thread;
 * {@link #start}, {@link #close} and the counters from any thread.
 */
final class AudioReceiveStream implements FrameSupplier, AutoCloseable {

    /** Hears of each accepted packet, for the receiver statistics. */
    @FunctionalInterface
    interface Arrivals {
        void arrived(int ssrc, int sequence, long timestamp, long arrivalNanos);
    }

    private static final long NO_SSRC = -1;
    /**
     * The jitter buffer for calls: it starts at, and never targets less than, 40 ms, so that the jitter of the
     * capture and playout threads' own scheduling (a few milliseconds either way on a busy machine) does not keep it
     * stretching back and forth around a one-packet target.
     */
    private static final JitterBufferConfig CALL_BUFFER = withFloor(JitterBufferConfig.defaults(), 40);

    private final Arrivals arrivals;
    private final RtpPacketReader reader = new RtpPacketReader();
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong packetsRefused = new AtomicLong();
    private final AtomicLong framesPlayed = new AtomicLong();
    private final AtomicLong framesSilent = new AtomicLong();
    private volatile int payloadType = -1;
    private volatile long ssrc = NO_SSRC;
    private volatile AudioJitterBuffer buffer;
    private OpusFrameDecoder decoder;
    private boolean closed;

    AudioReceiveStream(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    /** Negotiation is done: packets of this payload type are taken from now on. */
    synchronized void start(int negotiatedPayloadType) {
        if (closed) {
            return;
        }
        if (buffer == null) {
            decoder = new OpusFrameDecoder();
            buffer = new AudioJitterBuffer(decoder, CALL_BUFFER);
        }
        payloadType = negotiatedPayloadType;
    }

    /** One decrypted RTP packet (receive thread). */
    void rtp(byte[] buf, int off, int len) {
        AudioJitterBuffer jitter = buffer;
        int payloadLength = reader.wrap(buf, off, len);
        if (jitter == null || payloadLength <= 0 || reader.payloadType() != payloadType || !fromThePeer()) {
            packetsRefused.incrementAndGet();
            return;
        }
        long arrival = System.nanoTime();
        packetsReceived.incrementAndGet();
        arrivals.arrived(reader.ssrc(), reader.sequenceNumber(), reader.timestamp(), arrival);
        jitter.insert(reader.sequenceNumber(), reader.timestamp(), arrival, buf, reader.payloadOffset(), payloadLength);
    }

    @Override
    public void fill(short[] frame) {
        PlayoutKind kind;
        synchronized (this) {
            if (buffer == null || closed) {
                kind = PlayoutKind.SILENCE;
            } else {
                kind = buffer.pull(frame);
            }
        }
        if (kind == PlayoutKind.SILENCE) {
            Arrays.fill(frame, (short) 0);
            framesSilent.incrementAndGet();
        } else {
            framesPlayed.incrementAndGet();
        }
    }

    long packetsReceived() {
        return packetsReceived.get();
    }

    long packetsRefused() {
        return packetsRefused.get();
    }

    long framesPlayed() {
        return framesPlayed.get();
    }

    long framesSilent() {
        return framesSilent.get();
    }

    /** The jitter buffer's figures, or null before negotiation. */
    JitterBufferStats jitterBuffer() {
        AudioJitterBuffer jitter = buffer;
        return jitter == null ? null : jitter.stats();
    }

    @Override
    public synchronized void close() {
        closed = true;
        payloadType = -1;
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }

    private static JitterBufferConfig withFloor(JitterBufferConfig d, int millis) {
        return new JitterBufferConfig(d.packetSlots(), d.maxPacketBytes(), millis, millis, d.maxTargetMs(),
                d.maxBufferMs(), d.percentile(), d.forgetFactor());
    }

    /** The first SSRC heard is the peer's; packets from any other are refused. */
    private boolean fromThePeer() {
        long heard = ssrc;
        long from = reader.ssrc() & 0xffff_ffffL;
        if (heard == NO_SSRC) {
            ssrc = from;
            return true;
        }
        return heard == from;
    }
}
