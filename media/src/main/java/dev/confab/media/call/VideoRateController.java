package dev.confab.media.call;

import dev.confab.media.rtcp.TransportFeedback;
import dev.confab.media.rtp.cc.BandwidthLimits;
import dev.confab.media.rtp.cc.BitrateAllocation;
import dev.confab.media.rtp.cc.BitrateAllocator;
import dev.confab.media.rtp.cc.CongestionSnapshot;
import dev.confab.media.rtp.cc.CpuLoad;
import dev.confab.media.rtp.cc.CpuOveruseDetector;
import dev.confab.media.rtp.cc.TransportCongestionControl;
import dev.confab.media.rtp.cc.VideoQualityLadder;
import dev.confab.media.rtp.cc.VideoStep;
import dev.confab.media.video.frame.FrameSize;
import java.util.List;

/**
 * Drives the call's video from the peer's transport-wide congestion control feedback: every packet sent, audio and
 * video, takes a transport-wide sequence number here and is recorded as it leaves; each feedback message updates the
 * send-side estimate ({@link TransportCongestionControl}), of which audio gets its share first
 * ({@link BitrateAllocator}) and video the rest, as the encoder's bitrate and a resolution and frame-rate step
 * ({@link VideoQualityLadder}, which also steps down when the encoder falls behind real time,
 * {@link CpuOveruseDetector}).
 *
 * <p>Thread contract: {@link #reserve} and {@link #sent} on the sending threads, {@link #onFeedback} on the
 * receive thread; all thread-safe.
 */
final class VideoRateController implements TransportNumbers {
    /** Starts where a 640x480 call looks good, so a call on a good path does not begin blurred; falls from there. */
    private static final long START_BPS = 1_000_000;
    private static final long MIN_BPS = 100_000;
    /** 1280x720 above 1.5 Mbit/s, then the default steps. */
    private static final List<VideoStep> STEPS = withHd(VideoQualityLadder.DEFAULT_STEPS);
    /** The SRTP tag the transport adds to every packet, counted in the sizes the estimate sees. */
    private static final int SRTP_TAG = 16;

    private final BandwidthLimits limits;
    private final TransportCongestionControl congestion;
    private final BitrateAllocator allocator = BitrateAllocator.withDefaults();
    private final CpuOveruseDetector cpu = new CpuOveruseDetector();
    private final VideoSendStream video;
    private final VideoQualityLadder ladder;
    private long framesSeen;
    private long encodeNanosSeen;
    private CpuLoad load = CpuLoad.NORMAL;

    /** A controller whose estimate never goes above {@code maxBps}, audio and video together. */
    VideoRateController(VideoSendStream video, long maxBps) {
        this.video = video;
        this.limits = new BandwidthLimits(MIN_BPS, Math.min(START_BPS, maxBps), maxBps);
        this.congestion = new TransportCongestionControl(limits);
        long videoBps = allocator.allocate(limits.startBps()).videoBps();
        this.ladder = new VideoQualityLadder(STEPS, STEPS.stream().filter(s -> s.minBps() <= videoBps).findFirst()
                .orElseThrow());
    }

    /** The video encoder's bitrate at the start estimate. */
    int startVideoBitrate() {
        return (int) allocator.allocate(limits.startBps()).videoEncoderBps();
    }

    /** The encoder's start: the bitrate and step the start estimate affords. */
    void start() {
        apply(congestion.targetBps(), System.nanoTime());
    }

    @Override
    public int reserve() {
        return congestion.reserveSequence();
    }

    @Override
    public void sent(int transportSequence, int rtpBytes, long nowNanos) {
        congestion.onReservedSent(transportSequence, rtpBytes + SRTP_TAG, nowNanos);
    }

    /** The peer's feedback on our packets: the estimate moves, and the video follows. */
    void onFeedback(TransportFeedback feedback, long nowNanos) {
        checkEncoder(nowNanos);
        long target = congestion.onFeedback(feedback, nowNanos);
        apply(target, nowNanos);
    }

    /**
     * Looks at how long the encoder took for the frames since the last look against their interval (with each
     * feedback, every 100 ms or so); a step down comes with the estimate when it falls behind.
     */
    private synchronized void checkEncoder(long nowNanos) {
        VideoSendStats stats = video.stats();
        long frames = stats.framesEncoded() - framesSeen;
        long encodeNanos = stats.encodeNanos() - encodeNanosSeen;
        framesSeen = stats.framesEncoded();
        encodeNanosSeen = stats.encodeNanos();
        if (frames <= 0) {
            return;
        }
        long interval = 1_000_000_000L / Math.max(1, ladder.current().frameRate());
        for (long i = 0; i < frames; i++) {
            CpuLoad seen = cpu.onFrameEncoded(encodeNanos / frames, interval, nowNanos);
            if (seen != CpuLoad.NORMAL) {
                load = seen;
            }
        }
    }

    /** The estimate's parts now, for statistics. */
    CongestionSnapshot snapshot() {
        return congestion.snapshot();
    }

    /** The step the video is sent at now. */
    synchronized VideoStep step() {
        return ladder.current();
    }

    private synchronized void apply(long targetBps, long nowNanos) {
        BitrateAllocation allocation = allocator.allocate(targetBps);
        VideoStep step = ladder.update(allocation.videoBps(), load, nowNanos);
        load = CpuLoad.NORMAL;
        video.setTargetBitrate((int) allocation.videoEncoderBps());
        video.setLimits(new VideoSendStream.Limits(new FrameSize(step.width(), step.height()), step.frameRate()));
    }

    private static List<VideoStep> withHd(List<VideoStep> steps) {
        List<VideoStep> all = new java.util.ArrayList<>(steps.size() + 1);
        all.add(new VideoStep(1280, 720, 30, 1_500_000));
        all.addAll(steps);
        return List.copyOf(all);
    }
}
