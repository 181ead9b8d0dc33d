package dev.confab.media.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtp.RtpPacketWriter;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The per-packet path of loss recovery allocates nothing in steady state (thread allocation counter): packets stored
 * as sent, every tenth lost, found missing by the generator, taken back from the buffer, wrapped as RTX, restored and
 * reported. Building the RTCP packets is left out: it allocates per NACK, at RTCP's pace, not per media packet.
 */
class RtxAllocationTest {
    private static final int PACKETS = 50_000;

    @Test
    void storeResendWrapRestoreAndTrackAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RtpPacketWriter writer = new RtpPacketWriter(RtxPacketizerTest.IDS);
        RetransmissionBuffer buffer = new RetransmissionBuffer(RetransmissionBufferConfig.defaults());
        RtxPacketizer packetizer = RtxPacketizer.rtx(RtxPacketizerTest.RTX_SSRC, RtxPacketizerTest.TYPES,
                RtxPacketizerTest.IDS, 0);
        RtxDepacketizer depacketizer = new RtxDepacketizer(RtxPacketizerTest.RTX_SSRC, 1, RtxPacketizerTest.TYPES);
        NackGenerator generator = new NackGenerator(NackGeneratorConfig.defaults(), new SplittableRandom(1));
        IntSupplier transportSequences = () -> 7;
        byte[] packet = new byte[1500];
        byte[] original = new byte[1500];
        byte[] rtx = new byte[1500];
        int[] due = new int[64];
        long restored = 0;
        long allocated = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up (class loading, JIT, buffer slots)
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < PACKETS; i++) {
                long now = (round * PACKETS + i) * 1_000_000L;
                int seq = (round * PACKETS + i) & 0xffff;
                writer.begin(packet, 0, packet.length, 96, false, seq, i * 3000L, 1).absSendTime(i)
                        .transportSequence(seq);
                int length = writer.finish(1000);
                buffer.store(packet, 0, length, now);
                if (i % 10 != 3) {
                    generator.onPacket(seq, now);
                }
                int count = generator.due(now, due);
                for (int d = 0; d < count; d++) {
                    int resent = buffer.resend(due[d], now, original, 0, original.length);
                    int wrapped = packetizer.packetize(original, 0, resent, rtx, 0, rtx.length, now,
                            transportSequences);
                    if (depacketizer.restore(rtx, 0, wrapped) > 0) {
                        generator.onPacket(due[d], now);
                        restored++;
                    }
                }
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }

        assertThat(restored).isEqualTo(2 * PACKETS / 10);
        assertThat(generator.stats().gaveUp()).isZero();
        assertThat(allocated / (double) PACKETS).isLessThan(1);
    }
}
