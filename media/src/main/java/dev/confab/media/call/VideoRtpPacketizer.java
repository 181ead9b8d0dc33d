package dev.confab.media.call;

import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtp.AbsSendTime;
import dev.confab.media.rtp.BigEndian;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.MidElement;
import dev.confab.media.rtp.RtpPacketWriter;
import dev.confab.media.rtp.rtx.NackResponder;
import dev.confab.media.rtp.rtx.RetransmissionBuffer;
import dev.confab.media.rtp.rtx.RetransmissionBufferConfig;
import dev.confab.media.rtp.rtx.RtxPacketizer;
import dev.confab.media.rtp.rtx.RtxPayloadTypes;
import dev.confab.media.video.codec.EncodedFrame;
import dev.confab.media.video.vp8.Vp8DescriptorReader;
import dev.confab.media.video.vp8.Vp8Packetizer;
import java.io.IOException;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * The RTP end of a {@link VideoSendStream}: encoded VP8 frames into RTP packets of the media SSRC (RFC 7741 payloads
 * with the mid, abs-send-time and transport-wide sequence elements), each kept in the retransmission buffer and handed
 * to the transport; NACKs answered from that buffer as RTX (RFC 4588) or as the originals. Packets are at most
 * {@value #MAX_DATAGRAM_BYTES} bytes once SRTP's tag is on, with room for RTX's two bytes: the payload size follows
 * from the negotiated header extensions. Sequence numbers, timestamps (90 kHz from the capture time) and PictureIDs
 * continue across a renegotiation.
 *
 * <p>Thread contract: the send stream's encoder thread; the counters may be read from any thread.
 */
final class VideoRtpPacketizer {
    /** A packet on the wire, SRTP tag included: Chromium's size. */
    static final int MAX_DATAGRAM_BYTES = 1200;
    private static final int TAG_ROOM = 16;
    /** The longest original packet: room left for the OSN when it is resent as RTX. */
    static final int MAX_PACKET_BYTES = MAX_DATAGRAM_BYTES - TAG_ROOM - RtxPacketizer.OSN_LENGTH;
    private static final int NO_TRANSPORT_SEQUENCE = -1;

    private final AudioSendStream.Sender sender;
    private final VideoPacketObserver observer;
    private final IntSupplier transportSequences;
    private final byte[] packet = new byte[MAX_DATAGRAM_BYTES];
    private final int timestampOffset;
    private final int firstRtxSequence;
    private final int firstPictureId;
    private final RetransmissionBuffer history = new RetransmissionBuffer(RetransmissionBufferConfig.defaults());
    private VideoSendStream.Setup setup;
    private RtpPacketWriter writer;
    private Vp8Packetizer vp8;
    private NackResponder responder;
    private byte[] midBytes;
    private int sequence;
    private int retransmissionSequence = NO_TRANSPORT_SEQUENCE;
    private long refusedBefore;
    private volatile long packetsSent;
    private volatile long bytesSent;
    private volatile long payloadBytesSent;
    private volatile long retransmissions;
    private volatile long retransmittedBytes;
    private volatile long retransmissionsRefused;
    private volatile long sendFailures;
    private volatile long lastTimestamp = -1;
    private volatile long lastTimestampNanos;

    VideoRtpPacketizer(AudioSendStream.Sender sender, VideoPacketObserver observer,
            IntSupplier transportSequences, RandomGenerator random) {
        this.sender = sender;
        this.observer = observer;
        this.transportSequences = transportSequences;
        this.sequence = random.nextInt(1 << 16);
        this.timestampOffset = random.nextInt();
        this.firstRtxSequence = random.nextInt(1 << 16);
        this.firstPictureId = random.nextInt(1 << 15);
    }

    /** Takes up what negotiation decided; the next frame is sent that way. */
    void configure(VideoSendStream.Setup negotiated) {
        HeaderExtensionIds ids = negotiated.extensions();
        writer = new RtpPacketWriter(ids);
        midBytes = ids.mid() != 0 ? MidElement.bytesOf(negotiated.mid()) : new byte[0];
        int maxPayload = MAX_PACKET_BYTES - headerLength(negotiated);
        int lastPictureId = vp8 == null ? Vp8DescriptorReader.ABSENT : vp8.pictureId();
        vp8 = new Vp8Packetizer(maxPayload,
                lastPictureId == Vp8DescriptorReader.ABSENT ? firstPictureId : (lastPictureId + 1) & 0x7fff);
        RtxPacketizer retransmitter = negotiated.rtx()
                ? RtxPacketizer.rtx(negotiated.rtxSsrc(),
                        RtxPayloadTypes.of(Map.of(negotiated.rtxPayloadType(), negotiated.payloadType())), ids,
                        firstRtxSequence)
                : RtxPacketizer.plain(ids);
        if (responder != null) {
            refusedBefore += responder.refused();
        }
        responder = new NackResponder(history, retransmitter, RetransmissionBufferConfig.defaults().maxPacketBytes(),
                this::retransmissionSequence);
        setup = negotiated;
    }

    /** The path's round trip: how long packets are kept and how soon one is resent again. */
    void setRoundTrip(long roundTripNanos) {
        history.setRoundTrip(roundTripNanos);
    }

    /** Sends {@code frame} as RTP packets, the last with the marker bit. */
    void send(EncodedFrame frame) {
        VideoSendStream.Setup current = setup;
        long timestamp = (timestampOffset + Math.floorDiv(frame.captureTimeMicros() * 9, 100)) & 0xffff_ffffL;
        if (vp8.frame(frame.data(), 0, frame.length()) < 0) {
            return;
        }
        lastTimestampNanos = System.nanoTime();
        lastTimestamp = timestamp;
        while (vp8.hasNext()) {
            long now = System.nanoTime();
            int transportSequence = current.extensions().transportSequence() != 0
                    ? transportSequences.getAsInt() & 0xffff : NO_TRANSPORT_SEQUENCE;
            writer.begin(packet, 0, MAX_PACKET_BYTES, current.payloadType(), vp8.nextIsLast(), sequence, timestamp,
                    current.ssrc()).mid(midBytes).absSendTime(AbsSendTime.fromNanos(now))
                    .transportSequence(Math.max(0, transportSequence));
            int payloadAt = writer.payloadOffset();
            int payload = payloadAt < 0 ? payloadAt : vp8.next(packet, payloadAt, MAX_PACKET_BYTES - payloadAt);
            int length = payload < 0 ? payload : writer.finish(payload);
            if (length < 0) {
                sendFailures++;
                return;
            }
            sequence = (sequence + 1) & 0xffff;
            history.store(packet, 0, length, now);
            if (transmit(packet, 0, length, transportSequence, now, false)) {
                packetsSent++;
                bytesSent += length;
                payloadBytesSent += payload;
            }
        }
    }

    /** Resends what {@code nack} asks for that may be resent. */
    void answer(GenericNack nack) {
        responder.onNack(nack, System.nanoTime(), (buf, off, len) -> {
            int transportSequence = retransmissionSequence;
            retransmissionSequence = NO_TRANSPORT_SEQUENCE;
            if (transmit(buf, off, len, transportSequence, System.nanoTime(), true)) {
                retransmissions++;
                retransmittedBytes += len;
            }
        });
        retransmissionsRefused = refusedBefore + responder.refused();
    }

    /**
     * The RTP timestamp of the instant {@code nanos} ({@link System#nanoTime} clock), extrapolated from the last frame
     * sent, for a sender report; -1 before the first frame.
     */
    long rtpTimestampAt(long nanos) {
        long base = lastTimestamp;
        long at = lastTimestampNanos;
        return base < 0 ? -1 : (base + (nanos - at) * 90_000 / 1_000_000_000L) & 0xffff_ffffL;
    }

    long packetsSent() {
        return packetsSent;
    }

    long bytesSent() {
        return bytesSent;
    }

    long payloadBytesSent() {
        return payloadBytesSent;
    }

    long retransmissions() {
        return retransmissions;
    }

    long retransmittedBytes() {
        return retransmittedBytes;
    }

    long retransmissionsRefused() {
        return retransmissionsRefused;
    }

    long sendFailures() {
        return sendFailures;
    }

    private boolean transmit(byte[] buf, int off, int len, int transportSequence, long now, boolean resent) {
        try {
            if (sender.send(buf, off, len)) {
                observer.sent(transportSequence, BigEndian.i32(buf, off + 8), BigEndian.u16(buf, off + 2), len, now,
                        resent);
                return true;
            }
        } catch (IOException e) {
            // counted below: the transport's failures are its to report
        }
        sendFailures++;
        return false;
    }

    /** The transport-wide sequence number for a retransmission, noted for the observer. */
    private int retransmissionSequence() {
        retransmissionSequence = transportSequences.getAsInt() & 0xffff;
        return retransmissionSequence;
    }

    /** The RTP header's length with the negotiated elements. */
    private int headerLength(VideoSendStream.Setup negotiated) {
        byte[] scratch = new byte[MAX_PACKET_BYTES];
        return writer.begin(scratch, 0, scratch.length, negotiated.payloadType(), false, 0, 0, negotiated.ssrc())
                .mid(midBytes).absSendTime(0).transportSequence(0).payloadOffset();
    }
}
