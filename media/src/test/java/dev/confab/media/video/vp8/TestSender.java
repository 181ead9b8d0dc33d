package dev.confab.media.video.vp8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sending side of a VP8 stream for tests: frames go through a {@link Vp8Packetizer} into {@link TestPacket}s with
 * consecutive sequence numbers (wrapping), one timestamp per frame advancing 3000 ticks (30 fps), and the marker bit
 * on each frame's last packet.
 */
final class TestSender {
    static final int FRAME_TICKS = 3000;

    private final Vp8Packetizer packetizer;
    private int sequence;
    private long timestamp;

    TestSender(int maxPayload, int firstSequence, long firstTimestamp, int firstPictureId) {
        this.packetizer = new Vp8Packetizer(maxPayload, firstPictureId);
        this.sequence = firstSequence;
        this.timestamp = firstTimestamp;
    }

    /** The packets of {@code frame}. */
    List<TestPacket> send(byte[] frame) {
        List<TestPacket> packets = new ArrayList<>();
        packetizer.frame(frame, 0, frame.length);
        byte[] buf = new byte[packetizer.maxPayload()];
        while (packetizer.hasNext()) {
            boolean last = packetizer.nextIsLast();
            int length = packetizer.next(buf, 0, buf.length);
            packets.add(new TestPacket(sequence, timestamp, last, Arrays.copyOf(buf, length)));
            sequence = (sequence + 1) & 0xffff;
        }
        timestamp = (timestamp + FRAME_TICKS) & 0xffff_ffffL;
        return packets;
    }

    /** A padding-only packet (empty payload) after the last frame, with its timestamp, as Chromium sends them. */
    TestPacket padding() {
        TestPacket packet = new TestPacket(sequence, (timestamp - FRAME_TICKS) & 0xffff_ffffL, false, new byte[0]);
        sequence = (sequence + 1) & 0xffff;
        return packet;
    }

    /** The PictureID the last frame sent got. */
    int pictureId() {
        return packetizer.pictureId();
    }

    /** The timestamp the next frame gets. */
    long nextTimestamp() {
        return timestamp;
    }
}
