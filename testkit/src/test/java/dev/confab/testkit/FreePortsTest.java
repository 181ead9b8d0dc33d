package dev.confab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** UDP port pairs are free and even, and a bound UDP port is seen as bound (what the ffmpeg tests wait for). */
class FreePortsTest {

    @Test
    void aFreePairCanBeBoundAndIsSeenBoundUntilClosed() throws Exception {
        int port = FreePorts.udpPair();
        assertThat(port % 2).isZero();
        assertThat(FreePorts.udpBound(port)).isFalse();

        try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1))) {
            assertThat(FreePorts.udpBound(port)).isTrue();
            assertThat(FreePorts.udpBound(port + 1)).isTrue();
        }
        assertThat(FreePorts.udpBound(port)).isFalse();
    }
}
