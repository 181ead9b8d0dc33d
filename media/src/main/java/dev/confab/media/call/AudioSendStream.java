package dev.confab.media.call;

import dev.confab.media.audio.device.AudioFrames;
import dev.confab.media.audio.device.FrameConsumer;
import dev.confab.media.audio.opus.OpusEncoder;
import dev.confab.media.audio.opus.OpusEncoderConfig;
import dev.confab.media.rtp.AbsSendTime;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.MidElement;
import dev.confab.media.rtp.RtpPacketWriter;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The microphone's path into the call: 20 ms frames of 48 kHz mono PCM, encoded with Opus, put in RTP (RFC 7587) with
 * the audio level header extension, and handed to the transport, which encrypts and sends them. Frames before the
 * call is negotiated are dropped; while muted the encoder gets silence (which DTX turns into almost nothing). Of a run
 * of DTX frames (packets of one or two bytes) only the first three are sent, so the peer's jitter buffer knows the silence
 * is DTX, not loss (as after each of the encoder's comfort-noise refreshes); the rest are left out, their time still
 * passing in the RTP timestamp, and the first packet after such a pause carries the marker bit. Once muted silence has
 * reached that point the encoder is not run at all until the microphone is back on: it was most of a call's CPU.
 *
 * <p>Thread contract: {@link #accept} runs on the capture thread, one frame at a time; {@link #start},
 * {@link #mute}, {@link #setTarget} and the counters may be called from any thread; {@link #close} after capture
 * stopped.
 */
final class AudioSendStream implements FrameConsumer, AutoCloseable {
    /** Room kept after the packet for the SRTP tag the transport appends in place. */
    private static final int TAG_ROOM = 16;
    private static final int PACKET_BYTES = 1200;
    /** The DTX frames of a run that are sent: three, so that losing one does not make the peer take silence for loss. */
    private static final int DTX_FRAMES_SENT = 3;

    /** Sends one RTP packet in place; false if it could not (no keys or no path yet). */
    @FunctionalInterface
    interface Sender {
        boolean send(byte[] buf, int off, int len) throws IOException;
    }

    /** What negotiation decided. */
    record Setup(int payloadType, HeaderExtensionIds extensions, String mid, OpusEncoderConfig encoder) {
    }

    private final Sender sender;
    private final TransportNumbers transportNumbers;
    private final int ssrc;
    private final byte[] packet = new byte[PACKET_BYTES + TAG_ROOM];
    private final short[] silence = new short[AudioFrames.SAMPLES_PER_FRAME];
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong payloadBytesSent = new AtomicLong();
    private final AtomicLong framesNotSent = new AtomicLong();
    private final AtomicLong dtxFrames = new AtomicLong();
    private final AtomicLong framesEncoded = new AtomicLong();
    private volatile Setup setup;
    private volatile boolean muted;
    private volatile int targetBitrate;
    private volatile int lossPercent = -1;
    private volatile long lastTimestamp = -1;
    private volatile long lastTimestampNanos;

    private Setup opened;
    private OpusEncoder encoder;
    private RtpPacketWriter writer;
    private byte[] midBytes;
    private int sequence;
    private long timestamp;
    private boolean paused = true;
    private int dtxRun;
    private int appliedBitrate;
    private int appliedLossPercent;
    private boolean closed;

    AudioSendStream(Sender sender, long ssrc, int firstSequence, long firstTimestamp) {
        this(sender, TransportNumbers.UNCOUNTED, ssrc, firstSequence, firstTimestamp);
    }

    /** A stream whose packets take their transport-wide sequence numbers from {@code transportNumbers}. */
    AudioSendStream(Sender sender, TransportNumbers transportNumbers, long ssrc, int firstSequence, long firstTimestamp) {
        this.sender = sender;
        this.transportNumbers = transportNumbers;
        this.ssrc = (int) ssrc;
        this.sequence = firstSequence & 0xffff;
        this.timestamp = firstTimestamp & 0xffff_ffffL;
    }

    /** Negotiation is done: frames from now on are sent with this payload type, these extensions, this encoder. */
    void start(Setup negotiated) {
        setup = negotiated;
        targetBitrate = negotiated.encoder().bitrate();
    }

    void mute(boolean on) {
        muted = on;
    }

    boolean muted() {
        return muted;
    }

    /** The bitrate and the expected loss the encoder should code for, from the peer's reports. */
    void setTarget(int bitrate, int expectedLossPercent) {
        targetBitrate = bitrate;
        lossPercent = expectedLossPercent;
    }

    @Override
    public void accept(short[] frame) {
        Setup current = setup;
        if (current == null || closed) {
            return;
        }
        if (current != opened) {
            open(current);
        }
        applyTarget();
        short[] pcm = muted ? silence : frame;
        int level = FrameLevel.dbov(pcm);
        RtpPacketWriter packetWriter = writer.begin(packet, 0, PACKET_BYTES, current.payloadType(), paused, sequence,
                timestamp, ssrc);
        if (current.extensions().mid() != 0) {
            packetWriter.mid(midBytes);
        }
        if (current.extensions().audioLevel() != 0) {
            packetWriter.audioLevel(!muted && level < FrameLevel.VOICE_BELOW, level);
        }
        if (current.extensions().absSendTime() != 0) {
            packetWriter.absSendTime(AbsSendTime.fromNanos(System.nanoTime()));
        }
        int transportSequence = -1;
        if (current.extensions().transportSequence() != 0) {
            transportSequence = transportNumbers.reserve();
            packetWriter.transportSequence(transportSequence);
        }
        int payloadAt = packetWriter.payloadOffset();
        lastTimestampNanos = System.nanoTime();
        lastTimestamp = timestamp;
        timestamp = (timestamp + AudioFrames.SAMPLES_PER_FRAME) & 0xffff_ffffL;
        if (payloadAt < 0) {
            framesNotSent.incrementAndGet();
            return;
        }
        if (muted && dtxRun >= DTX_FRAMES_SENT) {
            dtxFrames.incrementAndGet(); // the peer has its DTX frames: muted silence needs no coding
            paused = true;
            return;
        }
        framesEncoded.incrementAndGet();
        int encoded = encoder.encode(pcm, 0, packet, payloadAt, PACKET_BYTES - payloadAt);
        if (encoded < 0) {
            framesNotSent.incrementAndGet();
            return;
        }
        boolean dtx = encoded <= OpusEncoder.DTX_PACKET_MAX_BYTES;
        dtxRun = dtx ? dtxRun + 1 : 0;
        if (dtxRun > DTX_FRAMES_SENT) {
            dtxFrames.incrementAndGet();
            paused = true;
            return;
        }
        int length = packetWriter.finish(encoded);
        if (length < 0) {
            framesNotSent.incrementAndGet();
            return;
        }
        sequence = (sequence + 1) & 0xffff;
        paused = false;
        try {
            if (sender.send(packet, 0, length)) {
                packetsSent.incrementAndGet();
                payloadBytesSent.addAndGet(encoded);
                if (transportSequence >= 0) {
                    transportNumbers.sent(transportSequence, length, System.nanoTime());
                }
            } else {
                framesNotSent.incrementAndGet();
            }
        } catch (IOException e) {
            framesNotSent.incrementAndGet();
        }
    }

    long packetsSent() {
        return packetsSent.get();
    }

    long payloadBytesSent() {
        return payloadBytesSent.get();
    }

    long framesNotSent() {
        return framesNotSent.get();
    }

    long dtxFrames() {
        return dtxFrames.get();
    }

    /** Frames the Opus encoder coded (not those muted after the DTX frames were sent). */
    long framesEncoded() {
        return framesEncoded.get();
    }

    /** The encoder's bitrate now, or the negotiated start before the first frame. */
    int bitrate() {
        return targetBitrate;
    }

    int ssrc() {
        return ssrc;
    }

    /**
     * The RTP timestamp of the instant {@code nanos} (same clock as {@link System#nanoTime}), extrapolated from the
     * last frame sent, for the sender report.
     */
    long rtpTimestampAt(long nanos) {
        long at = lastTimestampNanos;
        long base = lastTimestamp;
        if (base < 0) {
            return timestamp;
        }
        return (base + (nanos - at) * AudioFrames.SAMPLE_RATE / 1_000_000_000L) & 0xffff_ffffL;
    }

    @Override
    public void close() {
        closed = true;
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }

    private void open(Setup current) {
        if (encoder != null) {
            encoder.close();
        }
        encoder = OpusEncoder.create(current.encoder());
        appliedBitrate = current.encoder().bitrate();
        appliedLossPercent = current.encoder().packetLossPercent();
        writer = new RtpPacketWriter(current.extensions());
        midBytes = MidElement.bytesOf(current.mid());
        opened = current;
    }

    /**
     * Passes a changed target to the encoder. Compared with what was last applied, not with what the encoder reports
     * (which it rounds): setting the bitrate on every frame keeps resetting Opus's rate control and costs quality.
     */
    private void applyTarget() {
        int bitrate = targetBitrate;
        if (bitrate != appliedBitrate) {
            encoder.setBitrate(bitrate);
            appliedBitrate = bitrate;
        }
        int loss = lossPercent;
        if (loss >= 0 && loss != appliedLossPercent) {
            encoder.setPacketLossPercent(loss);
            appliedLossPercent = loss;
        }
    }
}
