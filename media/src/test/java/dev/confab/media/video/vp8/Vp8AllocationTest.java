package dev.confab.media.video.vp8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.RtpPacketReader;
import dev.confab.media.rtp.RtpPacketWriter;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A frame's way from packetizer through RTP packets to the assembler and out allocates nothing in steady state
 * (thread allocation counter): the packetizer writes into the packet buffer, the assembler's slots and the frame
 * buffer are reused.
 */
class Vp8AllocationTest {
    private static final int FRAMES = 3000;

    @Test
    void packetizeAndAssembleAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random random = new Random(1);
        byte[] key = TestFrames.keyFrame(20_000, 640, 480, random);
        byte[] delta = TestFrames.interFrame(3000, random);
        Vp8Packetizer packetizer = new Vp8Packetizer(Vp8Packetizer.DEFAULT_MAX_PAYLOAD, 0);
        RtpPacketWriter writer = new RtpPacketWriter(new HeaderExtensionIds(0, 0, 2, 3));
        RtpPacketReader reader = new RtpPacketReader();
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(Vp8AssemblerConfig.defaults());
        Vp8FrameBuffer frame = new Vp8FrameBuffer();
        byte[] packet = new byte[1500];
        int sequence = 0;
        long bytesOut = 0;
        long packets = 0;
        long allocated = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up (class loading, JIT, slot arrays)
            long before = threads.getCurrentThreadAllocatedBytes();
            packets = 0;
            for (int i = 0; i < FRAMES; i++) {
                byte[] encoded = i % 30 == 0 ? key : delta;
                packetizer.frame(encoded, 0, encoded.length);
                while (packetizer.hasNext()) {
                    writer.begin(packet, 0, packet.length, 96, packetizer.nextIsLast(), sequence, i * 3000L, 1)
                            .absSendTime(i).transportSequence(sequence);
                    int at = writer.payloadOffset();
                    int length = writer.finish(packetizer.next(packet, at, packet.length - at));
                    sequence = (sequence + 1) & 0xffff;
                    reader.wrap(packet, 0, length);
                    assembler.insert(reader.sequenceNumber(), reader.timestamp(), reader.marker(), packet,
                            reader.payloadOffset(), reader.payloadLength());
                    packets++;
                    while (assembler.pollFrame(frame)) {
                        bytesOut += frame.length();
                    }
                }
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }

        assertThat(bytesOut).isEqualTo(2L * (FRAMES / 30) * (key.length + 29L * delta.length));
        assertThat(allocated / (double) packets).isLessThan(1);
    }
}
