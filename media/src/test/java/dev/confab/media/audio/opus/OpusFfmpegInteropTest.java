package dev.confab.media.audio.opus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.Ffmpeg;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An independent Opus packetizer: ffmpeg (libopus, RFC 7587 RTP muxer) sends a 1 kHz tone as RTP over loopback UDP;
 * Confab reads each payload as one Opus packet, checks that the RTP timestamp advances by the samples the TOC
 * announces at 48 kHz, decodes it, and finds the tone.
 */
class OpusFfmpegInteropTest {
    private static final int PAYLOAD_TYPE = 111;
    private static final Duration RUN = Duration.ofSeconds(30);

    @Test
    void confabDecodesWhatFfmpegPacketizes() throws IOException {
        List<byte[]> datagrams = receiveFromFfmpeg();
        List<byte[]> rtp = datagrams.stream().filter(d -> d.length > 12 && (d[1] & 0x7f) == PAYLOAD_TYPE).toList();
        assertThat(rtp).as("1 s of 20 ms packets").hasSizeGreaterThanOrEqualTo(45);

        short[] pcm = new short[rtp.size() * 960];
        int written = 0;
        try (OpusDecoder decoder = OpusDecoder.create(1)) {
            for (int i = 0; i < rtp.size(); i++) {
                byte[] packet = rtp.get(i);
                int samples = OpusPackets.samples(packet, 12, packet.length - 12);
                assertThat(samples).isEqualTo(960);
                if (i > 0) {
                    assertThat(timestamp(packet) - timestamp(rtp.get(i - 1))).isEqualTo(samples);
                }
                int decoded = decoder.decode(packet, 12, packet.length - 12, pcm, written, pcm.length - written);
                assertThat(decoded).isEqualTo(samples);
                written += decoded;
            }
        }
        // measured 0.96 of the energy at 1 kHz; a wrong rate or channel count moves the tone and gives ~0
        assertThat(Signals.toneShare(pcm, 1000, 4800, written)).isGreaterThan(0.9);
    }

    private static long timestamp(byte[] rtp) {
        return ByteBuffer.wrap(rtp, 4, 4).getInt() & 0xffffffffL;
    }

    private static List<byte[]> receiveFromFfmpeg() throws IOException {
        List<byte[]> datagrams = new ArrayList<>();
        try (DatagramChannel socket = DatagramChannel.open(); Selector selector = Selector.open();
                Ffmpeg sender = Ffmpeg.prepare()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).configureBlocking(false);
            socket.register(selector, SelectionKey.OP_READ);
            int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
            sender.start(List.of("-re", "-t", "1", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
                    "-c:a", "libopus", "-b:a", "32k", "-application", "voip", "-frame_duration", "20", "-ac", "1",
                    "-f", "rtp", "-payload_type", Integer.toString(PAYLOAD_TYPE),
                    "rtp://127.0.0.1:" + port + "?rtcpport=" + port));
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            long deadline = System.nanoTime() + RUN.toNanos();
            while (System.nanoTime() < deadline) {
                selector.select(200);
                selector.selectedKeys().clear();
                while (socket.receive(buffer.clear()) != null) {
                    datagrams.add(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
                }
                if (!sender.isAlive()) {
                    break;
                }
            }
            while (socket.receive(buffer.clear()) != null) {
                datagrams.add(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
            }
            assertThat(sender.isAlive()).as("ffmpeg ends within %s", RUN).isFalse();
            assertThat(sender.exitCode()).as("ffmpeg: %s", sender.log()).isZero();
        }
        return datagrams;
    }
}
