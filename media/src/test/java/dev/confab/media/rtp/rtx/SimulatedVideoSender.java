package dev.confab.media.rtp.rtx;

import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtcp.PictureLossIndication;
import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpPacket;
import dev.confab.media.rtcp.RtcpParse;
import dev.confab.media.rtp.AbsSendTime;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.MidElement;
import dev.confab.media.rtp.RtpPacketWriter;
import dev.confab.media.video.vp8.Vp8Packetizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The sending end of a simulated video call for tests: synthetic VP8 frames at 30 fps (a key frame first and whenever a
 * PLI asks; otherwise interframes) through a {@link Vp8Packetizer} into RTP packets with mid, abs-send-time and
 * transport-wide sequence numbers, each stored in a {@link RetransmissionBuffer} as it leaves; RTCP from the receiver
 * is parsed, its NACKs answered by a {@link NackResponder} (RTX, or the originals for a peer without RTX) and its PLIs
 * honoured with the next frame.
 */
final class SimulatedVideoSender {
    static final int MEDIA_SSRC = 0x1234_5678;
    static final int RTX_SSRC = 0x2345_6789;
    static final int VP8 = 96;
    static final int RTX = 97;
    static final RtxPayloadTypes PAYLOAD_TYPES = RtxPayloadTypes.of(Map.of(RTX, VP8));
    static final HeaderExtensionIds EXTENSIONS = new HeaderExtensionIds(4, 0, 2, 3);
    static final long FRAME_NANOS = 1_000_000_000L / 30;
    private static final int FRAME_TICKS = 3000;
    private static final byte[] MID = MidElement.bytesOf("1");

    /** What was sent of one frame. */
    record SentFrame(long timestamp, boolean key, boolean lostOnFirstSending) {}

    private final EventLoop loop;
    private final RandomGenerator random;
    private final int keyFrameBytes;
    private final int interFrameBytes;
    private final Vp8Packetizer packetizer = new Vp8Packetizer(Vp8Packetizer.DEFAULT_MAX_PAYLOAD, 4000);
    private final RtpPacketWriter writer = new RtpPacketWriter(EXTENSIONS);
    private final RetransmissionBuffer buffer = new RetransmissionBuffer(RetransmissionBufferConfig.defaults());
    private final NackResponder responder;
    private final byte[] packet = new byte[1500];
    private final List<SentFrame> frames = new ArrayList<>();
    private SimulatedLink link;
    private int sequence = 65_400;
    private int transportSequence = 65_000;
    private long timestamp = 0xffff_0000L;
    private boolean keyFrameRequested = true;
    private long mediaBytes;
    private long retransmittedBytes;
    private long retransmissions;

    /** A sender of frames about {@code keyFrameBytes} and {@code interFrameBytes} long; RTX if {@code rtx}. */
    SimulatedVideoSender(EventLoop loop, RandomGenerator random, boolean rtx, int keyFrameBytes, int interFrameBytes) {
        this.loop = loop;
        this.random = random;
        this.keyFrameBytes = keyFrameBytes;
        this.interFrameBytes = interFrameBytes;
        RtxPacketizer packetizer = rtx ? RtxPacketizer.rtx(RTX_SSRC, PAYLOAD_TYPES, EXTENSIONS, 100)
                : RtxPacketizer.plain(EXTENSIONS);
        this.responder = new NackResponder(buffer, packetizer, 1500, () -> transportSequence++);
    }

    void connect(SimulatedLink toReceiver) {
        this.link = toReceiver;
    }

    /** The path's round trip, as RTCP reports would have measured it. */
    void setRoundTrip(long nanos) {
        buffer.setRoundTrip(nanos);
    }

    /** Sends a frame now and the next ones every 1/30 s until {@code endNanos}. */
    void sendFramesUntil(long endNanos) {
        if (loop.now() >= endNanos) {
            return;
        }
        sendFrame();
        loop.at(loop.now() + FRAME_NANOS, () -> sendFramesUntil(endNanos));
    }

    /** An RTCP datagram from the receiver. */
    void onRtcp(byte[] datagram) {
        if (!(RtcpCompound.parse(datagram, 0, datagram.length) instanceof RtcpParse.Parsed parsed)) {
            throw new AssertionError("the receiver sent bad RTCP");
        }
        for (RtcpPacket rtcp : parsed.packets()) {
            switch (rtcp) {
                case GenericNack nack -> responder.onNack(nack, loop.now(), this::retransmit);
                case PictureLossIndication pli -> keyFrameRequested = true;
                default -> throw new AssertionError("unexpected " + rtcp);
            }
        }
    }

    List<SentFrame> frames() {
        return frames;
    }

    long mediaBytes() {
        return mediaBytes;
    }

    long retransmittedBytes() {
        return retransmittedBytes;
    }

    long retransmissions() {
        return retransmissions;
    }

    private void sendFrame() {
        boolean key = keyFrameRequested;
        keyFrameRequested = false;
        int mean = key ? keyFrameBytes : interFrameBytes;
        byte[] frame = SyntheticVp8Frames.frame(key, mean * 3 / 4 + random.nextInt(mean / 2), random);
        packetizer.frame(frame, 0, frame.length);
        boolean lost = false;
        while (packetizer.hasNext()) {
            writer.begin(packet, 0, packet.length, VP8, packetizer.nextIsLast(), sequence, timestamp, MEDIA_SSRC)
                    .mid(MID).absSendTime(AbsSendTime.fromNanos(loop.now())).transportSequence(transportSequence++);
            int at = writer.payloadOffset();
            int length = writer.finish(packetizer.next(packet, at, packet.length - at));
            buffer.store(packet, 0, length, loop.now());
            mediaBytes += length;
            lost |= !link.send(packet, 0, length);
            sequence = (sequence + 1) & 0xffff;
            transportSequence &= 0xffff;
        }
        frames.add(new SentFrame(timestamp, key, lost));
        timestamp = (timestamp + FRAME_TICKS) & 0xffff_ffffL;
    }

    private void retransmit(byte[] buf, int off, int len) {
        retransmissions++;
        retransmittedBytes += len;
        link.send(buf, off, len);
    }
}
