package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Steady-state allocation per packet, measured with the thread's allocation counter: none for AES-CM; for GCM only
 * what {@code Cipher.init} costs in the JCE (about 1 KB per packet on JDK 25), held under a bound so growth shows.
 */
class SrtpAllocationTest {
    private static final int PACKETS = 20_000;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void bytesAllocatedPerPacket(SrtpProfile profile) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TestPackets packets = new TestPackets(15);
        SrtpMasterKey key = packets.masterKey(profile);
        SrtpSender sender = SrtpSender.create(key);
        SrtpReceiver receiver = SrtpReceiver.create(key);
        byte[] plain = packets.rtp(0, 99, 1200, 1, 2);
        byte[] wire = new byte[plain.length + 16];
        byte[] out = new byte[plain.length];

        double perPacket = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up (class loading, JIT)
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < PACKETS; i++) {
                int seq = round * PACKETS + i;
                plain[2] = (byte) (seq >>> 8);
                plain[3] = (byte) seq;
                int len = sender.protectRtp(plain, 0, plain.length, wire, 0);
                int back = receiver.unprotectRtp(wire, 0, len, out, 0);
                if (back != plain.length) {
                    throw new AssertionError(receiver.stats());
                }
                if ((i & 1023) == 0) {
                    byte[] rtcp = packets.rtcp(99, 4);
                    System.arraycopy(rtcp, 0, wire, 0, rtcp.length);
                    int r = sender.protectRtcp(wire, 0, rtcp.length);
                    receiver.unprotectRtcp(wire, 0, r);
                    before += rtcp.length + 16; // the test's own packet
                }
            }
            perPacket = (threads.getCurrentThreadAllocatedBytes() - before) / (double) PACKETS;
        }

        System.out.printf("%s allocates %.1f bytes per protect + unprotect%n", profile, perPacket);
        assertThat(perPacket).isLessThan(profile.aead() ? 4096 : 1);
    }
}
