package dev.confab.media.call;

import dev.confab.media.rtp.RtpPacketReader;
import dev.confab.media.video.codec.Vp8FrameHeader;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One direction of an in-memory path for the video stream tests: each datagram is copied, dropped with a seeded
 * probability, and otherwise delivered after a fixed delay on a single-thread scheduler (the far side's receive
 * thread), so nothing is reordered. It can also drop every packet of the next VP8 key frame, retransmissions
 * included (they carry the frame's RTP timestamp), so that the frame cannot be recovered. Room after each packet for
 * an SRTP tag is checked, as a transport would need it.
 *
 * <p>Thread-safe: senders on any thread.
 */
final class VideoTestLink implements AudioSendStream.Sender, RtcpReporter.Sender {
    private static final int TAG_ROOM = 16;
    private static final long NO_TIMESTAMP = -1;

    private final ScheduledExecutorService receiveThread;
    private final long delayMillis;
    private final double loss;
    private final Random random;
    private final Consumer<byte[]> receiver;
    private final RtpPacketReader reader = new RtpPacketReader();
    private int videoPayloadType = -1;
    private boolean doomNextKeyFrame;
    private long doomedTimestamp = NO_TIMESTAMP;
    private long datagrams;
    private long lost;
    private long doomed;

    VideoTestLink(ScheduledExecutorService receiveThread, long delayMillis, double loss, long seed,
            Consumer<byte[]> receiver) {
        this.receiveThread = receiveThread;
        this.delayMillis = delayMillis;
        this.loss = loss;
        this.random = new Random(seed);
        this.receiver = receiver;
    }

    /** Drops every packet of the next key frame of {@code payloadType}, and its retransmissions. */
    synchronized void dropNextKeyFrame(int payloadType) {
        videoPayloadType = payloadType;
        doomNextKeyFrame = true;
    }

    /** The RTP timestamp of the frame dropped whole, or -1 before it was sent. */
    synchronized long doomedTimestamp() {
        return doomedTimestamp;
    }

    @Override
    public synchronized boolean send(byte[] buf, int off, int len) {
        if (buf.length - off - len < TAG_ROOM) {
            throw new AssertionError("no room for the SRTP tag after a packet of " + len);
        }
        datagrams++;
        if (doomed(buf, off, len)) {
            doomed++;
            return true;
        }
        if (random.nextDouble() < loss) {
            lost++;
            return true;
        }
        byte[] copy = Arrays.copyOfRange(buf, off, off + len);
        receiveThread.schedule(() -> receiver.accept(copy), delayMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    synchronized long datagrams() {
        return datagrams;
    }

    synchronized long lost() {
        return lost;
    }

    synchronized long doomed() {
        return doomed;
    }

    private boolean doomed(byte[] buf, int off, int len) {
        if (!doomNextKeyFrame && doomedTimestamp == NO_TIMESTAMP || reader.wrap(buf, off, len) <= 4) {
            return false;
        }
        if (doomNextKeyFrame && reader.payloadType() == videoPayloadType && (buf[reader.payloadOffset()] & 0x10) != 0
                && Vp8FrameHeader.isKeyframe(buf, reader.payloadOffset() + 4, reader.payloadLength() - 4)) {
            doomNextKeyFrame = false;
            doomedTimestamp = reader.timestamp();
        }
        return reader.timestamp() == doomedTimestamp;
    }
}
