package dev.confab.media.call;

import dev.confab.media.audio.opus.OpusLossPolicy;
import dev.confab.media.rtcp.Goodbye;
import dev.confab.media.rtcp.NtpTime;
import dev.confab.media.rtcp.ReceiverReport;
import dev.confab.media.rtcp.ReceiverStatistics;
import dev.confab.media.rtcp.ReportBlock;
import dev.confab.media.rtcp.RoundTripTime;
import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpPacket;
import dev.confab.media.rtcp.RtcpParse;
import dev.confab.media.rtcp.SdesChunk;
import dev.confab.media.rtcp.SdesItem;
import dev.confab.media.rtcp.SenderReport;
import dev.confab.media.rtcp.SourceDescription;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The call's RTCP (RFC 3550): every second or so (randomized between 0.5 and 1.5 times the interval, section 6.3.1)
 * a compound of a sender report (or a receiver report while this side sends nothing) with report blocks on the peer's
 * audio and video, the video's own sender report while it sends, and the CNAME; from the peer's reports the round-trip
 * time, the loss and jitter it sees on our audio, which drive the encoder's bitrate and FEC ({@link OpusLossPolicy}).
 *
 * <p>Thread contract: {@link #onRtp} and {@link #onRtcp} run on the receive thread, reports on the timer thread;
 * the figures may be read from any thread.
 */
final class RtcpReporter implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int CLOCK_RATE = 48_000;
    private static final int VIDEO_CLOCK_RATE = 90_000;
    private static final int TAG_ROOM = 16 + 4;

    /** Protects and sends one RTCP compound in place. */
    @FunctionalInterface
    interface Sender {
        boolean send(byte[] buf, int off, int len) throws IOException;
    }

    /** Hears what the peer's RTCP tells beyond the reports this class keeps, on the receive thread. */
    interface Listener {
        /** Feedback: NACK, PLI, FIR, REMB, transport-wide congestion control. */
        void feedback(RtcpPacket packet, long arrivalNanos);

        /** A new round-trip time from one of the peer's report blocks on our streams. */
        void roundTrip(long nanos);
    }

    private final Sender sender;
    private final AudioSendStream sending;
    private final int videoSsrc;
    private final VideoSendStream sendingVideo;
    private final Listener listener;
    private final String cname;
    private volatile OpusLossPolicy lossPolicy;
    private final byte[] buffer = new byte[1200];
    private final byte[] feedbackBuffer = new byte[1200];
    private ReceiverStatistics peer;
    private ReceiverStatistics peerVideo;
    private ScheduledFuture<?> next;
    private boolean closed;
    private volatile long roundTripNanos = RoundTripTime.UNKNOWN;
    private volatile int peerFractionLost;
    private volatile long peerJitter;
    private volatile int localFractionLost;
    private volatile long localJitter;
    private volatile long localCumulativeLost;
    private volatile long reportsSent;
    private volatile long reportsReceived;

    RtcpReporter(Sender sender, AudioSendStream sending, VideoSendStream sendingVideo, int videoSsrc, Listener listener,
            String cname) {
        this.sender = sender;
        this.sending = sending;
        this.sendingVideo = sendingVideo;
        this.videoSsrc = videoSsrc;
        this.listener = listener;
        this.cname = cname;
    }

    /**
     * Starts the reports on {@code timers}, once the send stream has its negotiated bitrate, where the loss policy
     * starts from.
     */
    synchronized void start(ScheduledExecutorService timers, RandomGenerator random) {
        if (next == null && !closed) {
            lossPolicy = new OpusLossPolicy(OpusLossPolicy.Limits.DEFAULT, sending.bitrate());
            schedule(timers, random);
        }
    }

    /** One of the peer's audio packets arrived (authenticated, of the agreed payload type). */
    synchronized void onRtp(int ssrc, int sequence, long timestamp, long arrivalNanos) {
        if (peer == null) {
            peer = new ReceiverStatistics(ssrc, CLOCK_RATE);
        }
        peer.onPacket(sequence, timestamp, arrivalNanos);
    }

    /** One of the peer's video packets arrived (authenticated, of its VP8 stream, not a retransmission). */
    synchronized void onVideoRtp(int ssrc, int sequence, long timestamp, long arrivalNanos) {
        if (peerVideo == null) {
            peerVideo = new ReceiverStatistics(ssrc, VIDEO_CLOCK_RATE);
        }
        peerVideo.onPacket(sequence, timestamp, arrivalNanos);
    }

    /**
     * Sends feedback of ours (NACK, PLI, FIR, transport-wide congestion control) at once, after an empty receiver
     * report as a compound must begin (RFC 4585 section 3.1). False if it could not be sent. Any thread.
     */
    synchronized boolean sendFeedback(List<? extends RtcpPacket> packets) {
        if (closed) {
            return false;
        }
        List<RtcpPacket> compound = new ArrayList<>(packets.size() + 1);
        compound.add(new ReceiverReport(sending.ssrc(), List.of()));
        compound.addAll(packets);
        int length = RtcpCompound.marshal(compound, feedbackBuffer, 0);
        if (length <= 0 || length > feedbackBuffer.length - TAG_ROOM) {
            return false;
        }
        try {
            return sender.send(feedbackBuffer, 0, length);
        } catch (IOException e) {
            return false;
        }
    }


    /** A decrypted RTCP compound from the peer; what does not parse is dropped. */
    void onRtcp(byte[] buf, int off, int len) {
        long arrivalNanos = System.nanoTime();
        long arrivalNtp = NtpTime.of(Instant.now());
        if (!(RtcpCompound.parse(buf, off, len) instanceof RtcpParse.Parsed parsed)) {
            return;
        }
        reportsReceived++;
        for (RtcpPacket packet : parsed.packets()) {
            switch (packet) {
                case SenderReport sr -> {
                    onSenderReport(sr.ssrc(), sr.ntpTimestamp(), arrivalNanos);
                    sr.reports().forEach(block -> aboutUs(block, arrivalNtp));
                }
                case ReceiverReport rr -> rr.reports().forEach(block -> aboutUs(block, arrivalNtp));
                case SourceDescription sdes -> { }
                case Goodbye bye -> { }
                default -> listener.feedback(packet, arrivalNanos);
            }
        }
    }

    /** The last round-trip time, or -1 before the peer answered a sender report. */
    long roundTripNanos() {
        return roundTripNanos;
    }

    /** The fraction (0-255) of our packets the peer last reported lost. */
    int peerFractionLost() {
        return peerFractionLost;
    }

    /** The interarrival jitter the peer sees on our audio, in 48 kHz samples. */
    long peerJitter() {
        return peerJitter;
    }

    /** The fraction (0-255) of the peer's packets lost in our last report interval. */
    int localFractionLost() {
        return localFractionLost;
    }

    /** The interarrival jitter of the peer's audio here, in 48 kHz samples. */
    long localJitter() {
        return localJitter;
    }

    /** The peer's packets lost since the start. */
    long localCumulativeLost() {
        return localCumulativeLost;
    }

    long reportsSent() {
        return reportsSent;
    }

    long reportsReceived() {
        return reportsReceived;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private synchronized void onSenderReport(int ssrc, long ntp, long arrivalNanos) {
        if (peer != null && peer.ssrc() == ssrc) {
            peer.onSenderReport(ntp, arrivalNanos);
        } else if (peerVideo != null && peerVideo.ssrc() == ssrc) {
            peerVideo.onSenderReport(ntp, arrivalNanos);
        }
    }

    private void aboutUs(ReportBlock block, long arrivalNtp) {
        if (block.ssrc() == videoSsrc) {
            newRoundTrip(RoundTripTime.nanos(block, arrivalNtp));
            return;
        }
        if (block.ssrc() != sending.ssrc()) {
            return;
        }
        newRoundTrip(RoundTripTime.nanos(block, arrivalNtp));
        peerFractionLost = block.fractionLost();
        peerJitter = block.jitter();
        OpusLossPolicy policy = lossPolicy;
        if (policy != null) {
            OpusLossPolicy.Decision decision = policy.onFractionLost(block.fractionLost());
            sending.setTarget(decision.bitrate(), decision.packetLossPercent());
        }
    }

    private SdesChunk cnameChunk(int ssrc) {
        return new SdesChunk(ssrc, List.of(new SdesItem(SdesItem.CNAME, cname)));
    }

    private void newRoundTrip(long rtt) {
        if (rtt != RoundTripTime.UNKNOWN) {
            roundTripNanos = rtt;
            listener.roundTrip(rtt);
        }
    }

    private synchronized void schedule(ScheduledExecutorService timers, RandomGenerator random) {
        long delay = (long) (INTERVAL.toNanos() * (0.5 + random.nextDouble()));
        next = timers.schedule(() -> {
            sendReport();
            synchronized (this) {
                if (!closed) {
                    schedule(timers, random);
                }
            }
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void sendReport() {
        List<RtcpPacket> compound = new ArrayList<>(3);
        List<ReportBlock> blocks = new ArrayList<>(2);
        synchronized (this) {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            ReportBlock block = peer == null ? null : peer.reportBlock(now);
            if (block != null) {
                blocks.add(block);
                localFractionLost = block.fractionLost();
                localJitter = block.jitter();
                localCumulativeLost = block.cumulativeLost();
            }
            ReportBlock video = peerVideo == null ? null : peerVideo.reportBlock(now);
            if (video != null) {
                blocks.add(video);
            }
        }
        long packets = sending.packetsSent();
        if (packets > 0) {
            long nowNanos = System.nanoTime();
            compound.add(new SenderReport(sending.ssrc(), NtpTime.of(Instant.now()), sending.rtpTimestampAt(nowNanos),
                    packets & 0xffff_ffffL, sending.payloadBytesSent() & 0xffff_ffffL, blocks));
        } else {
            compound.add(new ReceiverReport(sending.ssrc(), blocks));
        }
        VideoSendStats video = sendingVideo.stats();
        if (video.packetsSent() > 0) {
            // The video's own sender report: its RTP clock against NTP time, for the peer's lip sync.
            long nowNanos = System.nanoTime();
            compound.add(new SenderReport(videoSsrc, NtpTime.of(Instant.now()), sendingVideo.rtpTimestampAt(nowNanos),
                    video.packetsSent() & 0xffff_ffffL, video.payloadBytesSent() & 0xffff_ffffL, List.of()));
            compound.add(new SourceDescription(List.of(cnameChunk(sending.ssrc()), cnameChunk(videoSsrc))));
        } else {
            compound.add(SourceDescription.cname(sending.ssrc(), cname));
        }
        int length = RtcpCompound.marshal(compound, buffer, 0);
        if (length <= 0 || length > buffer.length - TAG_ROOM) {
            return;
        }
        try {
            if (sender.send(buffer, 0, length)) {
                reportsSent++;
            }
        } catch (IOException e) {
            // The next report goes out a second later.
        }
    }
}
