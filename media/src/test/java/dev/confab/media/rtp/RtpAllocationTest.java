package dev.confab.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Writing and reading a packet with every extension allocates nothing in steady state (thread allocation counter). */
class RtpAllocationTest {
    private static final int PACKETS = 50_000;

    @Test
    void writeAndReadAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RtpPacketWriter writer = new RtpPacketWriter(RtpPacketWriterTest.CHROMIUM_AUDIO);
        RtpPacketReader reader = new RtpPacketReader();
        byte[] mid = MidElement.bytesOf("0");
        byte[] buf = new byte[1500];
        long checksum = 0;
        long allocated = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up (class loading, JIT)
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < PACKETS; i++) {
                int len = writer.begin(buf, 0, buf.length, 111, false, i & 0xffff, i * 960L, 1).mid(mid)
                        .audioLevel(true, i & 127).absSendTime(i).transportSequence(i & 0xffff).finish(160);
                reader.wrap(buf, 0, len);
                ExtensionElements elements = reader.extensions();
                checksum += elements.find(3) ? TransportSequence.read(buf, elements.offset()) : -1;
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }

        assertThat(checksum).isPositive();
        assertThat(allocated / (double) PACKETS).isLessThan(1);
    }
}
