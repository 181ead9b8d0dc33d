package dev.confab.media.call;

import dev.confab.media.rtcp.FullIntraRequest;
import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtcp.PictureLossIndication;
import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpPacket;
import dev.confab.media.rtcp.RtcpParse;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import dev.confab.media.video.pattern.FrameStamp;
import dev.confab.media.video.pattern.StampCode;
import dev.confab.media.video.pattern.TestPattern;
import dev.confab.media.video.pattern.TestPatternSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-way video call in memory for tests: a test-pattern camera on its own thread feeds a {@link VideoSendStream},
 * whose packets cross a {@link VideoTestLink} to a {@link VideoReceiveStream}, whose NACKs and PLIs cross another
 * link back and are handed to the send stream as a call would after parsing the RTCP. Each picture shown is read back
 * (its stamp) and, if asked, compared with the picture sent (PSNR of luma). Everything is closed by {@link #close}.
 */
final class VideoCallLoop implements AutoCloseable {
    static final int VIDEO_PT = 96;
    static final int RTX_PT = 97;
    static final int SENDER_SSRC = 0x1111_2222;
    static final int SENDER_RTX_SSRC = 0x3333_4444;
    static final int RECEIVER_SSRC = 0x5555_6666;
    static final HeaderExtensionIds EXTENSIONS = new HeaderExtensionIds(4, 0, 2, 3);

    /**
     * A picture shown: its frame number and capture time in milliseconds (both -1 if the stamp did not read), when it
     * was shown, and its PSNR if measured.
     */
    record Shown(long frameNumber, long captureMillis, long atNanos, double lumaPsnr, FrameSize size) {}

    private final ScheduledExecutorService capture = thread("test-capture");
    private final ScheduledExecutorService receiverThread = thread("test-receiver");
    private final ScheduledExecutorService senderRtcpThread = thread("test-sender-rtcp");
    private final ScheduledExecutorService timers = thread("test-timers");
    private final boolean measurePsnr;
    private final VideoTestLink media;
    private final VideoTestLink back;
    private final VideoSendStream sender;
    private final VideoReceiveStream receiver;
    private final List<Shown> shown = new ArrayList<>();
    private final AtomicInteger observed = new AtomicInteger();
    private final AtomicInteger transportSequence = new AtomicInteger();
    private final AtomicInteger cameraFrames = new AtomicInteger();
    private final I420Frame reference = I420Frame.allocate(new FrameSize(16, 16));
    private TestPattern pattern;
    private ScheduledFuture<?> camera;

    /**
     * A call over links that drop {@code loss} of packets (each way, seeded by {@code seed}) and take
     * {@code delayMillis} each way, sending at {@code bitrate} with RTX if {@code rtx}; the receiver knows the sender's
     * SSRCs from signalling if {@code signalled}, else takes the first it hears.
     */
    VideoCallLoop(double loss, long delayMillis, long seed, boolean rtx, boolean signalled, int bitrate,
            boolean measurePsnr) {
        this.measurePsnr = measurePsnr;
        Random random = new Random(seed);
        this.sender = new VideoSendStream((buf, off, len) -> media().send(buf, off, len),
                (transport, ssrc, sequence, bytes, at, resent) -> observed.incrementAndGet(),
                transportSequence::getAndIncrement, new Random(random.nextLong()),
                new VideoSendStream.Limits(new FrameSize(1280, 720), 30));
        this.receiver = new VideoReceiveStream((buf, off, len) -> back().send(buf, off, len),
                (ssrc, sequence, timestamp, arrival) -> { }, this::onShown, timers, new Random(random.nextLong()));
        this.media = new VideoTestLink(receiverThread, delayMillis, loss, random.nextLong(),
                datagram -> receiver.rtp(datagram, 0, datagram.length));
        this.back = new VideoTestLink(senderRtcpThread, delayMillis, loss, random.nextLong(), this::onRtcp);
        long roundTrip = TimeUnit.MILLISECONDS.toNanos(2 * delayMillis);
        sender.setRoundTripNanos(roundTrip);
        receiver.setRoundTripNanos(roundTrip);
        sender.start(new VideoSendStream.Setup(VIDEO_PT, rtx ? RTX_PT : 0, SENDER_SSRC, SENDER_RTX_SSRC, EXTENSIONS,
                "1", bitrate));
        receiver.start(new VideoReceiveStream.Setup(VIDEO_PT, rtx ? RTX_PT : 0, RECEIVER_SSRC,
                signalled ? SENDER_SSRC : 0, signalled ? SENDER_RTX_SSRC : 0));
    }

    /** Starts the camera: test-pattern frames of {@code size} at {@code frameRate}, paced on their own thread. */
    void startCamera(FrameSize size, int frameRate) {
        TestPatternSource source = new TestPatternSource(size, frameRate, Clock.systemUTC());
        synchronized (this) {
            pattern = new TestPattern(size, frameRate);
        }
        I420Frame frame = I420Frame.allocate(size);
        camera = capture.scheduleAtFixedRate(() -> {
            source.next(frame);
            sender.accept(frame);
            cameraFrames.incrementAndGet();
        }, 0, source.frameIntervalNanos(), TimeUnit.NANOSECONDS);
    }

    /** Frames the camera handed to the send stream so far. */
    int cameraFrames() {
        return cameraFrames.get();
    }

    /**
     * Hands {@code datagram} to the receive stream on its receive thread, as the link does, and waits for it: an
     * exception thrown there fails the caller.
     */
    void deliver(byte[] datagram) throws Exception {
        receiverThread.submit(() -> receiver.rtp(datagram, 0, datagram.length)).get();
    }

    void stopCamera() {
        camera.cancel(false);
    }

    VideoSendStream sender() {
        return sender;
    }

    VideoReceiveStream receiver() {
        return receiver;
    }

    VideoTestLink media() {
        return media;
    }

    VideoTestLink back() {
        return back;
    }

    /** Packets the observer heard of. */
    int observed() {
        return observed.get();
    }

    synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    /** The highest frame number shown so far, or -1. */
    synchronized long lastFrameShown() {
        return shown.stream().mapToLong(Shown::frameNumber).max().orElse(-1);
    }

    /**
     * The longest freeze the path caused, in milliseconds: of the gaps between two pictures shown, the most by which
     * one exceeds the gap between their capture times. A camera thread that a busy machine held up makes both gaps
     * long, and is not counted; a frame held back for a retransmission or a key frame is.
     */
    synchronized long longestFreezeBeyondCaptureMillis() {
        long longest = 0;
        for (int i = 1; i < shown.size(); i++) {
            Shown before = shown.get(i - 1);
            Shown after = shown.get(i);
            long shownGap = (after.atNanos() - before.atNanos()) / 1_000_000;
            longest = Math.max(longest, shownGap - (after.captureMillis() - before.captureMillis()));
        }
        return longest;
    }

    @Override
    public void close() {
        capture.shutdownNow();
        sender.close();
        receiver.close();
        receiverThread.shutdownNow();
        senderRtcpThread.shutdownNow();
        timers.shutdownNow();
    }

    private void onShown(I420Frame frame, long rtpTimestamp) {
        Optional<FrameStamp> stamp = StampCode.read(frame);
        double psnr = Double.NaN;
        synchronized (this) {
            if (measurePsnr && stamp.isPresent() && pattern != null && pattern.size().equals(frame.size())) {
                pattern.render(stamp.get(), reference);
                psnr = Psnr.luma(frame, reference);
            }
            shown.add(new Shown(stamp.map(FrameStamp::frameNumber).orElse(-1L),
                    stamp.map(FrameStamp::captureMillis).orElse(-1L), System.nanoTime(), psnr, frame.size()));
        }
    }

    /** What the call does with RTCP from the receiver: feedback to the send stream. */
    private void onRtcp(byte[] datagram) {
        if (!(RtcpCompound.parse(datagram, 0, datagram.length) instanceof RtcpParse.Parsed parsed)) {
            throw new AssertionError("the receive stream sent RTCP that does not parse");
        }
        for (RtcpPacket packet : parsed.packets()) {
            switch (packet) {
                case GenericNack nack -> sender.onNack(nack);
                case PictureLossIndication pli -> sender.onPictureLoss(pli.mediaSsrc());
                case FullIntraRequest fir -> sender.onFullIntraRequest(fir);
                default -> throw new AssertionError("unexpected feedback " + packet);
            }
        }
    }

    private static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name(name).daemon().unstarted(r));
    }
}
