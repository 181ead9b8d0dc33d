package dev.confab.media.call;

import dev.confab.media.rtcp.PictureLossIndication;
import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpPacket;
import dev.confab.media.rtp.RtpPacketReader;
import dev.confab.media.rtp.rtx.NackGenerator;
import dev.confab.media.rtp.rtx.NackGeneratorConfig;
import dev.confab.media.rtp.rtx.NackRequests;
import dev.confab.media.rtp.rtx.RtxDepacketizer;
import dev.confab.media.rtp.rtx.RtxPayloadTypes;
import dev.confab.media.video.codec.Vp8Decoder;
import dev.confab.media.video.vp8.Vp8AssemblerConfig;
import dev.confab.media.video.vp8.Vp8FrameAssembler;
import dev.confab.media.video.vp8.Vp8FrameBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The peer's video on its way to the screen: decrypted RTP of the video payload type, and of the RTX payload type
 * restored to the original ({@link RtxDepacketizer}), from the one SSRC the peer sends video from; put back together
 * into frames ({@link Vp8FrameAssembler}, waiting max(250 ms, 3 RTT) for a missing packet), decoded on the stream's
 * own thread ({@link VideoDecodeThread}, behind a bounded queue) and shown to a {@link VideoFrameSink}. Lost packets
 * are asked for with Generic NACKs ({@link NackGenerator}: at once, then each round trip); while no usable key frame
 * is there (at the start, after a loss that could not be recovered, after the decoder refused a frame) a PLI is sent,
 * and repeated every max(300 ms, 2 RTT) until one comes. Feedback goes out as reduced-size RTCP (RFC 5506), one
 * compound per event.
 *
 * <p>Thread contract: {@link #rtp} runs on the transport's receive thread; the timer on the given scheduler; the sink
 * on the decoder thread; {@link #start}, {@link #setRoundTripNanos}, {@link #stats} and {@link #close} from any
 * thread. The feedback sender is called from the receive thread and the timer, never with a lock held.
 */
final class VideoReceiveStream implements AutoCloseable {
    static final long MIN_ASSEMBLY_WAIT_NANOS = 250_000_000L;
    static final long MIN_PLI_INTERVAL_NANOS = 300_000_000L;
    static final long TICK_NANOS = 10_000_000L;
    private static final long NONE = Long.MIN_VALUE;
    /** Room after a feedback compound for SRTCP's index and tag, which the transport appends in place. */
    private static final int SRTCP_ROOM = 4 + 16;

    /**
     * What negotiation decided.
     *
     * @param payloadType    VP8's payload type
     * @param rtxPayloadType the RTX payload type apt-mapped to it, or 0 without RTX
     * @param localSsrc      the SSRC this side's feedback is sent from
     * @param remoteSsrc     the peer's video SSRC if signalled, else 0: the first one heard is taken
     * @param remoteRtxSsrc  the peer's RTX SSRC if signalled, else 0: the first one heard is taken
     */
    record Setup(int payloadType, int rtxPayloadType, int localSsrc, int remoteSsrc, int remoteRtxSsrc) {
        /** Checks the payload types: 0-127, RTX's other than VP8's. */
        Setup {
            VideoPayloadTypes.check(payloadType, rtxPayloadType);
        }

        boolean rtx() {
            return rtxPayloadType != 0;
        }
    }

    private final RtcpReporter.Sender feedback;
    private final AudioReceiveStream.Arrivals arrivals;
    private final VideoFrameSink sink;
    private final ScheduledExecutorService timers;
    private final RtpPacketReader reader = new RtpPacketReader();
    private final Object lock = new Object();
    private final NackGenerator generator;
    private final Vp8FrameAssembler assembler = new Vp8FrameAssembler(Vp8AssemblerConfig.defaults());
    private final Vp8FrameBuffer spare = new Vp8FrameBuffer();
    private final int[] due = new int[NackRequests.MAX_ITEMS];
    private volatile Setup setup;
    private volatile long mediaSsrc = NONE;
    private volatile long packetsReceived;
    private volatile long packetsRestored;
    private volatile long packetsRefused;
    private volatile boolean closed;
    private VideoDecodeThread decoder;
    private ScheduledFuture<?> tick;
    private RtxDepacketizer rtx;
    // Guarded by lock.
    private long roundTripNanos;
    private long firstPacketAt = NONE;
    private long nextPliAt;
    private boolean gap;
    private boolean keyFrameWanted;
    private long framesAssembled;
    private long keyFramesReceived;
    private long framesDropped;
    private long nackPacketsSent;
    private long plisSent;

    /**
     * A stream that sends its NACKs and PLIs through {@code feedback}, tells {@code arrivals} of each media packet
     * (not of restored retransmissions) for the receiver reports, shows pictures to {@code sink}, runs its feedback
     * timer on {@code timers} (every {@value #TICK_NANOS} ns once started) and draws the NACK retries' jitter from
     * {@code random}.
     */
    VideoReceiveStream(RtcpReporter.Sender feedback, AudioReceiveStream.Arrivals arrivals, VideoFrameSink sink,
            ScheduledExecutorService timers, RandomGenerator random) {
        this.feedback = feedback;
        this.arrivals = arrivals;
        this.sink = sink;
        this.timers = timers;
        this.generator = new NackGenerator(NackGeneratorConfig.defaults(), random);
    }

    /**
     * Negotiation is done: packets of these payload types are taken from now on; the first of them starts the decoder
     * thread and the feedback timer.
     */
    synchronized void start(Setup negotiated) {
        if (closed) {
            return;
        }
        setup = negotiated;
    }

    /**
     * Starts the decoder thread and the feedback timer with the first packet of the peer's video: a call whose peer
     * sends none (an audio call) spends nothing on them. False if it cannot decode (the FFmpeg natives are missing).
     */
    private synchronized boolean decoding() {
        if (decoder == null && !closed) {
            decoder = new VideoDecodeThread(sink, Vp8Decoder.DEFAULT_MAX_SIZE);
            tick = timers.scheduleWithFixedDelay(this::onTimer, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
        }
        return decoder != null && !decoder.unavailable();
    }

    /** One decrypted RTP packet of the video or RTX payload type (receive thread); bad ones are counted and dropped. */
    void rtp(byte[] buf, int off, int len) {
        Setup current = setup;
        if (current == null || closed || reader.wrap(buf, off, len) < 0) {
            packetsRefused++;
            return;
        }
        boolean restored = current.rtx() && reader.payloadType() == current.rtxPayloadType();
        if (restored ? !restore(current, buf, off, len)
                : reader.payloadType() != current.payloadType() || !fromThePeer(current, reader.ssrc())) {
            packetsRefused++;
            return;
        }
        if (decoder == null ? !decoding() : decoder.unavailable()) {
            packetsRefused++;
            return;
        }
        long now = System.nanoTime();
        packetsReceived++;
        if (restored) {
            packetsRestored++;
        } else {
            arrivals.arrived(reader.ssrc(), reader.sequenceNumber(), reader.timestamp(), now);
        }
        List<RtcpPacket> out;
        synchronized (lock) {
            if (firstPacketAt == NONE) {
                firstPacketAt = now;
                nextPliAt = now + MIN_PLI_INTERVAL_NANOS; // the first key frame is on its way
            }
            generator.onPacket(reader.sequenceNumber(), now);
            assembler.insert(reader.sequenceNumber(), reader.timestamp(), reader.marker(), buf,
                    reader.payloadOffset(), reader.payloadLength());
            handOutFrames();
            out = feedback(now, current);
        }
        send(out);
    }

    /**
     * Asks the peer for a key frame at once (a PLI, repeated until one comes), as when a picture is to be shown from
     * now on and should not wait for the next one the encoder makes by itself.
     */
    void requestKeyFrame() {
        synchronized (lock) {
            keyFrameWanted = true;
            nextPliAt = System.nanoTime();
        }
    }

    /**
     * The path's round trip as RTCP measured it: NACKs are repeated at its pace, a missing packet is waited for
     * max(250 ms, 3 round trips) and PLIs repeated every max(300 ms, 2 round trips).
     */
    void setRoundTripNanos(long nanos) {
        long roundTrip = Math.max(0, nanos);
        synchronized (lock) {
            roundTripNanos = roundTrip;
            generator.setRoundTrip(roundTrip);
            long wait = Math.max(MIN_ASSEMBLY_WAIT_NANOS, 3 * roundTrip);
            assembler.setMaxWaitTicks((int) Math.min(Integer.MAX_VALUE,
                    wait * Vp8AssemblerConfig.CLOCK_RATE / 1_000_000_000L));
        }
    }

    VideoReceiveStats stats() {
        VideoDecodeThread decoding;
        synchronized (this) {
            decoding = decoder;
        }
        synchronized (lock) {
            return new VideoReceiveStats(packetsReceived, packetsRestored, packetsRefused, framesAssembled,
                    keyFramesReceived, framesDropped, decoding == null ? 0 : decoding.framesUndecodable(),
                    decoding == null ? 0 : decoding.framesShown(), decoding == null ? 0 : decoding.sinkFailures(),
                    decoding == null ? 0 : decoding.longestFreezeNanos(),
                    nackPacketsSent, plisSent, assembler.stats(), generator.stats());
        }
    }

    /** Stops the timer, ends the decoder thread and frees the decoder. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (tick != null) {
            tick.cancel(false);
        }
        if (decoder != null) {
            decoder.close();
        }
    }

    /** Restores the RTX packet just read in place; false if it is not one of the peer's RTX stream. */
    private boolean restore(Setup current, byte[] buf, int off, int len) {
        long media = mediaSsrc;
        int ssrc = reader.ssrc();
        if (media == NONE || current.remoteRtxSsrc() != 0 && current.remoteRtxSsrc() != ssrc) {
            return false;
        }
        if (rtx == null) {
            rtx = new RtxDepacketizer(ssrc, (int) media,
                    RtxPayloadTypes.of(Map.of(current.rtxPayloadType(), current.payloadType())));
        }
        int length = rtx.restore(buf, off, len);
        return length >= 0 && reader.wrap(buf, off, length) >= 0;
    }

    /** Whether {@code ssrc} is the peer's video SSRC: the signalled one, or else the first heard. */
    private boolean fromThePeer(Setup current, int ssrc) {
        long heard = mediaSsrc;
        if (heard == NONE) {
            if (current.remoteSsrc() != 0 && current.remoteSsrc() != ssrc) {
                return false;
            }
            mediaSsrc = ssrc;
            return true;
        }
        return heard == ssrc;
    }

    /**
     * Moves the complete frames to the decoder. When its queue is full a frame is dropped, and so is every delta
     * frame after it until a key frame (which is asked for): a delta frame decoded without its reference is garbage.
     */
    private void handOutFrames() {
        while (true) {
            Vp8FrameBuffer queued = decoder.freeBuffer();
            Vp8FrameBuffer target = queued == null ? spare : queued;
            if (!assembler.pollFrame(target)) {
                if (queued != null) {
                    decoder.giveBack(queued);
                }
                return;
            }
            framesAssembled++;
            if (target.keyFrame()) {
                keyFramesReceived++;
                keyFrameWanted = false;
            }
            generator.clearBefore(target.firstSequence());
            if (queued == null || gap && !target.keyFrame()) {
                framesDropped++;
                gap = true;
                if (queued != null) {
                    decoder.giveBack(queued);
                }
                continue;
            }
            gap = false;
            decoder.offer(queued);
        }
    }

    /** The NACKs due at {@code now}, and a PLI if a key frame is needed and the last PLI was long enough ago. */
    private List<RtcpPacket> feedback(long now, Setup current) {
        long media = mediaSsrc;
        if (media == NONE) {
            return List.of();
        }
        List<RtcpPacket> out = new ArrayList<>(2);
        int count = generator.due(now, due);
        if (count > 0) {
            out.addAll(NackRequests.packets(current.localSsrc(), (int) media, due, count, NackRequests.MAX_ITEMS));
            nackPacketsSent += out.size();
        }
        keyFrameWanted |= generator.pollKeyFrameRequest() | decoder.pollWantsKeyFrame();
        boolean needKeyFrame = keyFrameWanted || gap || assembler.waitingForKeyFrame();
        if (needKeyFrame && firstPacketAt != NONE && now - nextPliAt >= 0) {
            out.add(new PictureLossIndication(current.localSsrc(), (int) media));
            plisSent++;
            nextPliAt = now + Math.max(MIN_PLI_INTERVAL_NANOS, 2 * roundTripNanos);
        }
        return out;
    }

    private void onTimer() {
        Setup current = setup;
        if (current == null || closed) {
            return;
        }
        List<RtcpPacket> out;
        synchronized (lock) {
            out = feedback(System.nanoTime(), current);
        }
        send(out);
    }

    private void send(List<RtcpPacket> packets) {
        if (packets.isEmpty()) {
            return;
        }
        byte[] compound = new byte[RtcpCompound.size(packets) + SRTCP_ROOM];
        int length = RtcpCompound.marshal(packets, compound, 0);
        try {
            feedback.send(compound, 0, length);
        } catch (IOException e) {
            // the transport counts its failures; the next request repeats this one
        }
    }
}
