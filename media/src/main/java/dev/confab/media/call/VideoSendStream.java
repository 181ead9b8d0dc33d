package dev.confab.media.call;

import dev.confab.media.rtcp.FirEntry;
import dev.confab.media.rtcp.FullIntraRequest;
import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.MidElement;
import dev.confab.media.video.capture.VideoFrameConsumer;
import dev.confab.media.video.codec.EncodedFrame;
import dev.confab.media.video.codec.Vp8Encoder;
import dev.confab.media.video.codec.Vp8EncoderConfig;
import dev.confab.media.video.convert.FrameConverter;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * The camera's path into the call: frames from the capture thread into a one-frame mailbox ({@link VideoFrameSlot},
 * newest wins), and on the stream's own encoder thread scaled down and thinned to the {@link Limits}, encoded with VP8
 * ({@link Vp8Encoder}, realtime CBR at the target bitrate, reopened when the picture size changes), cut into RTP
 * packets (RFC 7741, {@link VideoRtpPacketizer}) with the mid, abs-send-time and transport-wide sequence elements, kept
 * for retransmission and handed to the transport. The same thread answers the peer's NACKs (as RTX when negotiated,
 * else the packets as they were) before it encodes the next frame, and makes the next frame a key frame on a PLI or
 * FIR (at most one every {@link #MIN_KEY_FRAME_INTERVAL_NANOS}).
 *
 * <p>Thread contract: {@link #accept} runs on the capture thread and never waits for the encoder; the feedback methods
 * ({@link #onNack}, {@link #onPictureLoss}, {@link #onFullIntraRequest}) on the transport's receive thread; the other
 * methods from any thread. The {@link AudioSendStream.Sender} and the {@link VideoPacketObserver} are called on the
 * encoder thread. {@link #close} ends the encoder thread and frees the encoder.
 */
final class VideoSendStream implements VideoFrameConsumer, AutoCloseable {
    /** Key frame requests closer together than this are answered once: the key frame answers them all. */
    static final long MIN_KEY_FRAME_INTERVAL_NANOS = 300_000_000L;
    private static final int NACKS_QUEUED = 32;

    /**
     * What negotiation decided.
     *
     * @param payloadType    VP8's payload type
     * @param rtxPayloadType the RTX payload type apt-mapped to it, or 0 if the peer takes no RTX (NACKs are then
     *                       answered with the packets as they were)
     * @param ssrc           the media SSRC
     * @param rtxSsrc        the RTX SSRC (unused without RTX)
     * @param extensions     the header extension ids (0 where not negotiated; audio level is not written)
     * @param mid            the BUNDLE media id written when {@code extensions.mid()} is set
     * @param startBitrate   the bitrate to start at, bit/s, until {@link #setTargetBitrate}
     */
    record Setup(int payloadType, int rtxPayloadType, int ssrc, int rtxSsrc, HeaderExtensionIds extensions, String mid,
            int startBitrate) {
        /** Checks the payload types (RTX's other than VP8's), the mid (1-16 ASCII bytes) and the bitrate. */
        Setup {
            VideoPayloadTypes.check(payloadType, rtxPayloadType);
            if (extensions.mid() != 0) {
                MidElement.bytesOf(mid);
            }
            if (startBitrate < Vp8EncoderConfig.MIN_BITRATE || startBitrate > Vp8EncoderConfig.MAX_BITRATE) {
                throw new IllegalArgumentException("start bitrate out of range " + Vp8EncoderConfig.MIN_BITRATE
                        + ".." + Vp8EncoderConfig.MAX_BITRATE + ": " + startBitrate);
            }
        }

        boolean rtx() {
            return rtxPayloadType != 0;
        }
    }

    /**
     * The largest picture and the most frames a second to send: a resolution or frame-rate step. Pictures larger than
     * {@code maxSize} (either side) are scaled down keeping their aspect; frames beyond {@code maxFrameRate} are left
     * out.
     */
    record Limits(FrameSize maxSize, int maxFrameRate) {
        Limits {
            if (maxSize == null) {
                throw new IllegalArgumentException("no size limit");
            }
            if (maxFrameRate < 1 || maxFrameRate > 240) {
                throw new IllegalArgumentException("frame rate limit out of range 1..240: " + maxFrameRate);
            }
        }
    }

    private final VideoFrameSlot slot = new VideoFrameSlot(new FrameSize(16, 16));
    private final BlockingQueue<GenericNack> nacks = new ArrayBlockingQueue<>(NACKS_QUEUED);
    private final EncodedFrame encoded = new EncodedFrame(64 * 1024);
    private final VideoRtpPacketizer packetizer;
    private final Thread thread;
    private final AtomicLong keyFrameRequests = new AtomicLong();
    private final AtomicLong keyFrameRequestsIgnored = new AtomicLong();
    private final AtomicLong nacksDropped = new AtomicLong();
    private final AtomicLong lastKeyFrameRequest = new AtomicLong(System.nanoTime() - MIN_KEY_FRAME_INTERVAL_NANOS);
    private volatile Setup setup;
    private volatile Limits limits;
    private volatile boolean cameraOn = true;
    private volatile int targetBitrate;
    private volatile long roundTripNanos = -1;
    private volatile boolean keyFrameWanted;
    private volatile boolean closed;
    // Capture thread.
    private long nextFrameMicros = Long.MIN_VALUE;
    private volatile long framesCaptured;
    private volatile long framesThinned;
    // Encoder thread.
    private Setup opened;
    private Vp8Encoder encoder;
    private FrameConverter converter;
    private I420Frame scaled;
    private volatile long framesEncoded;
    private volatile long keyFrames;
    private volatile long encodeNanos;
    private volatile long encoderFailures;

    /**
     * A stream that sends through {@code sender} (RTP packets in place, with room after them for the SRTP tag), tells
     * {@code observer} of each packet sent, takes transport-wide sequence numbers from {@code transportSequences}
     * (shared by the call's streams; called on the encoder thread, only when the extension was negotiated) and draws
     * its first sequence number, timestamp and PictureID from {@code random}. Frames are sent once {@link #start}ed,
     * within {@code limits}.
     */
    VideoSendStream(AudioSendStream.Sender sender, VideoPacketObserver observer, IntSupplier transportSequences,
            RandomGenerator random, Limits limits) {
        this.packetizer = new VideoRtpPacketizer(sender, observer, transportSequences, random);
        this.limits = limits;
        this.thread = Thread.ofPlatform().name("video-encoder").daemon().unstarted(this::run);
    }

    /** Negotiation is done: frames from now on are sent as {@code negotiated} says. Starts the encoder thread. */
    synchronized void start(Setup negotiated) {
        if (closed) {
            return;
        }
        if (setup == null) {
            targetBitrate = negotiated.startBitrate();
        }
        setup = negotiated;
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
        slot.wake();
    }

    /** A camera frame (capture thread): copied into the mailbox unless the camera is off or it is thinned out. */
    @Override
    public void accept(I420Frame frame) {
        if (setup == null || !cameraOn || closed) {
            return;
        }
        framesCaptured++;
        if (thinnedOut(frame.captureTimeMicros())) {
            framesThinned++;
            return;
        }
        slot.post(frame);
    }

    /** Turns the camera on or off for the peer: while off nothing is sent. */
    void setCameraOn(boolean on) {
        cameraOn = on;
    }

    boolean cameraOn() {
        return cameraOn;
    }

    /** The bitrate the encoder should keep to, from the bandwidth estimate; clamped to what VP8 takes. */
    void setTargetBitrate(int bitsPerSecond) {
        targetBitrate = Math.clamp(bitsPerSecond, Vp8EncoderConfig.MIN_BITRATE, Vp8EncoderConfig.MAX_BITRATE);
    }

    int targetBitrate() {
        return targetBitrate;
    }

    /** A resolution or frame-rate step: applies from the next frame. */
    void setLimits(Limits newLimits) {
        limits = newLimits;
    }

    Limits limits() {
        return limits;
    }

    /** The path's round trip as RTCP measured it: how long sent packets are kept and how often one is resent. */
    void setRoundTripNanos(long nanos) {
        roundTripNanos = Math.max(0, nanos);
    }

    /** A Generic NACK from the peer; answered on the encoder thread if it is about this stream's SSRC. */
    void onNack(GenericNack nack) {
        Setup current = setup;
        if (current == null || nack.mediaSsrc() != current.ssrc() || closed) {
            return;
        }
        if (!nacks.offer(nack)) {
            nacksDropped.incrementAndGet();
        }
        slot.wake();
    }

    /** A PLI from the peer about {@code mediaSsrc}: the next frame is a key frame, unless one was just asked for. */
    void onPictureLoss(int mediaSsrc) {
        Setup current = setup;
        if (current != null && mediaSsrc == current.ssrc()) {
            requestKeyFrame();
        }
    }

    /** A FIR from the peer: as a PLI if one of its entries names this stream. */
    void onFullIntraRequest(FullIntraRequest fir) {
        Setup current = setup;
        if (current == null) {
            return;
        }
        for (FirEntry entry : fir.entries()) {
            if (entry.ssrc() == current.ssrc()) {
                requestKeyFrame();
                return;
            }
        }
    }

    /**
     * The RTP timestamp of the instant {@code nanos} ({@link System#nanoTime} clock), extrapolated from the last frame
     * sent, for a sender report; -1 before the first frame.
     */
    long rtpTimestampAt(long nanos) {
        return packetizer.rtpTimestampAt(nanos);
    }

    VideoSendStats stats() {
        return new VideoSendStats(framesCaptured, framesThinned, slot.replaced(), framesEncoded, keyFrames,
                encodeNanos, encoderFailures, packetizer.packetsSent(), packetizer.bytesSent(),
                packetizer.payloadBytesSent(), packetizer.retransmissions(), packetizer.retransmittedBytes(),
                packetizer.retransmissionsRefused(), packetizer.sendFailures(), keyFrameRequests.get(),
                keyFrameRequestsIgnored.get(), nacksDropped.get());
    }

    /** Ends the encoder thread (waiting for the frame it is on) and frees the encoder. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        slot.close();
        if (thread.getState() != Thread.State.NEW && Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void requestKeyFrame() {
        keyFrameRequests.incrementAndGet();
        long now = System.nanoTime();
        long last = lastKeyFrameRequest.get();
        if (now - last < MIN_KEY_FRAME_INTERVAL_NANOS || !lastKeyFrameRequest.compareAndSet(last, now)) {
            keyFrameRequestsIgnored.incrementAndGet();
            return;
        }
        keyFrameWanted = true;
    }

    /**
     * Whether the frame captured at {@code micros} comes too soon for the frame-rate limit: a frame is kept once the
     * next output time has come (a quarter interval early is allowed for capture jitter), which then moves on by one
     * interval, or to a new start after a pause.
     */
    private boolean thinnedOut(long micros) {
        long interval = 1_000_000L / limits.maxFrameRate();
        if (nextFrameMicros != Long.MIN_VALUE && micros < nextFrameMicros - interval / 4) {
            return true;
        }
        boolean late = nextFrameMicros == Long.MIN_VALUE || micros - nextFrameMicros > interval;
        nextFrameMicros = late ? micros + interval : nextFrameMicros + interval;
        return false;
    }

    /** The encoder thread: NACKs first, then the newest frame, until closed. */
    private void run() {
        try {
            while (true) {
                I420Frame frame = slot.take();
                if (slot.closed()) {
                    return;
                }
                prepare();
                answerNacks();
                if (frame != null && cameraOn) {
                    sendOrCount(frame);
                }
            }
        } finally {
            if (encoder != null) {
                encoder.close();
            }
            if (converter != null) {
                converter.close();
            }
        }
    }

    /** Takes up a new setup and round trip. */
    private void prepare() {
        Setup current = setup;
        if (current != opened) {
            packetizer.configure(current);
            opened = current;
        }
        long roundTrip = roundTripNanos;
        if (roundTrip >= 0) {
            packetizer.setRoundTrip(roundTrip);
        }
    }

    private void answerNacks() {
        GenericNack nack;
        while ((nack = nacks.poll()) != null) {
            packetizer.answer(nack);
        }
    }

    /** Sends {@code frame}; if libvpx fails, counts it and opens a new encoder for the next frame. */
    private void sendOrCount(I420Frame frame) {
        try {
            send(frame);
        } catch (IllegalStateException e) {
            encoderFailures++;
            if (encoder != null) {
                encoder.close();
                encoder = null;
            }
        }
    }

    private void send(I420Frame frame) {
        long start = System.nanoTime();
        I420Frame input = withinLimits(frame);
        Vp8Encoder vp8 = encoderFor(input.size());
        if (keyFrameWanted) {
            keyFrameWanted = false;
            vp8.requestKeyframe();
        }
        boolean produced = vp8.encode(input, encoded);
        encodeNanos += System.nanoTime() - start;
        if (!produced) {
            return;
        }
        framesEncoded++;
        if (encoded.keyframe()) {
            keyFrames++;
        }
        packetizer.send(encoded);
    }

    /** {@code frame}, or a copy scaled down to the size limit. */
    private I420Frame withinLimits(I420Frame frame) {
        FrameSize size = scaledSize(frame.size(), limits.maxSize());
        if (size.equals(frame.size())) {
            return frame;
        }
        if (converter == null) {
            converter = new FrameConverter();
            scaled = I420Frame.allocate(size);
        }
        scaled.resize(size);
        converter.scale(frame, scaled);
        return scaled;
    }

    /** {@code size} if it fits {@code max}, else scaled down to fit keeping the aspect, with even sides. */
    static FrameSize scaledSize(FrameSize size, FrameSize max) {
        if (size.width() <= max.width() && size.height() <= max.height()) {
            return size;
        }
        double scale = Math.min((double) max.width() / size.width(), (double) max.height() / size.height());
        int width = Math.max(2, (int) (size.width() * scale) & ~1);
        int height = Math.max(2, (int) (size.height() * scale) & ~1);
        return new FrameSize(width, height);
    }

    /** The encoder for pictures of {@code size} at the current bitrate and frame rate limit, opened as needed. */
    private Vp8Encoder encoderFor(FrameSize size) {
        int bitrate = targetBitrate;
        int frameRate = limits.maxFrameRate();
        if (encoder == null) {
            encoder = Vp8Encoder.open(Vp8EncoderConfig.realtime(size, frameRate, bitrate));
        } else if (!encoder.config().size().equals(size) || encoder.config().frameRate() != frameRate) {
            encoder.reconfigure(size, frameRate);
        }
        encoder.setBitrate(bitrate);
        return encoder;
    }
}
