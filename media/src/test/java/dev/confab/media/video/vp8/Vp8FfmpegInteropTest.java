package dev.confab.media.video.vp8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtp.RtpPacketReader;
import dev.confab.media.rtp.SeqNum;
import dev.confab.testkit.Ffmpeg;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An independent VP8 packetizer: ffmpeg encodes 6 s of its test pattern with libvpx (a key frame every 30 frames) and
 * sends it through its RFC 7741 RTP muxer over loopback UDP (at twice real time, so that loopback loses nothing),
 * starting just before the sequence number wrap, while its tee muxer writes the same encoded frames to an IVF file.
 * Every frame the assembler puts together from the packets must be the IVF file's frame byte for byte, in order,
 * with the key frames where libvpx put them (320x240), and ffmpeg's 15-bit PictureIDs counting up by one a frame.
 */
class Vp8FfmpegInteropTest {
    private static final int PAYLOAD_TYPE = 96;
    private static final int FRAMES = 180;
    private static final int FIRST_SEQUENCE = 65400;
    private static final Duration RUN = Duration.ofSeconds(60);

    @Test
    void assembledFramesAreTheFramesFfmpegEncoded() throws IOException {
        List<byte[]> encoded = new ArrayList<>();
        List<byte[]> rtp = receiveFromFfmpeg(encoded);
        assertThat(encoded).hasSize(FRAMES);
        assertThat(rtp).hasSizeGreaterThanOrEqualTo(FRAMES);
        RtpPacketReader reader = new RtpPacketReader();
        reader.wrap(rtp.get(0), 0, rtp.get(0).length);
        assertThat(reader.sequenceNumber()).as("starts before the wrap").isEqualTo(FIRST_SEQUENCE);
        assertThat(rtp.size()).as("crosses the wrap").isGreaterThan(65536 - FIRST_SEQUENCE);
        for (int i = 1; i < rtp.size(); i++) {
            reader.wrap(rtp.get(i - 1), 0, rtp.get(i - 1).length);
            int previous = reader.sequenceNumber();
            reader.wrap(rtp.get(i), 0, rtp.get(i).length);
            assertThat(reader.sequenceNumber()).as("no packet lost on loopback").isEqualTo(SeqNum.add(previous, 1));
        }

        Vp8FrameAssembler assembler = new Vp8FrameAssembler(Vp8AssemblerConfig.defaults());
        Vp8FrameBuffer frame = new Vp8FrameBuffer();
        List<Integer> pictureIds = new ArrayList<>();
        Vp8DescriptorReader descriptor = new Vp8DescriptorReader();
        List<Integer> keyFrames = new ArrayList<>();
        int index = 0;
        for (byte[] packet : rtp) {
            reader.wrap(packet, 0, packet.length);
            descriptor.wrap(packet, reader.payloadOffset(), reader.payloadLength());
            assertThat(descriptor.longPictureId()).isTrue();
            assertThat(assembler.insert(reader.sequenceNumber(), reader.timestamp(), reader.marker(), packet,
                    reader.payloadOffset(), reader.payloadLength())).isZero();
            while (assembler.pollFrame(frame)) {
                assertThat(Arrays.copyOf(frame.data(), frame.length())).as("frame %d", index)
                        .isEqualTo(encoded.get(index));
                if (frame.keyFrame()) {
                    keyFrames.add(index);
                    assertThat(Vp8PayloadHeader.width(frame.data(), 0)).isEqualTo(320);
                    assertThat(Vp8PayloadHeader.height(frame.data(), 0)).isEqualTo(240);
                }
                pictureIds.add(frame.pictureId());
                index++;
            }
        }

        assertThat(index).isEqualTo(FRAMES);
        assertThat(keyFrames).containsExactly(0, 30, 60, 90, 120, 150);
        for (int i = 1; i < pictureIds.size(); i++) {
            assertThat(pictureIds.get(i)).isEqualTo((pictureIds.get(i - 1) + 1) & 0x7fff);
        }
        assertThat(assembler.stats().framesDiscarded()).isZero();
    }

    /** The RTP packets of ffmpeg's stream, in arrival order; {@code encoded} gets the frames of its IVF file. */
    private static List<byte[]> receiveFromFfmpeg(List<byte[]> encoded) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        try (DatagramChannel socket = DatagramChannel.open(); Selector selector = Selector.open();
                Ffmpeg sender = Ffmpeg.prepare()) {
            socket.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).configureBlocking(false);
            socket.register(selector, SelectionKey.OP_READ);
            int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
            sender.start(List.of("-readrate", "2", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30", "-t", "6",
                    "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-g", "30", "-b:v", "500k",
                    "-map", "0:v", "-f", "tee", "[f=rtp:payload_type=" + PAYLOAD_TYPE + ":seq=" + FIRST_SEQUENCE
                            + "]rtp://127.0.0.1:" + port + "?pkt_size=1200&rtcpport=" + port + "|[f=ivf]sent.ivf"));
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            long deadline = System.nanoTime() + RUN.toNanos();
            boolean running = true;
            while (running && System.nanoTime() < deadline) {
                running = sender.isAlive();
                selector.select(100);
                selector.selectedKeys().clear();
                while (socket.receive(buffer.clear()) != null) {
                    if (buffer.position() > 12 && (buffer.get(1) & 0x7f) == PAYLOAD_TYPE) { // not RTCP
                        packets.add(Arrays.copyOf(buffer.array(), buffer.position()));
                    }
                }
            }
            assertThat(sender.isAlive()).as("ffmpeg ends within %s", RUN).isFalse();
            assertThat(sender.exitCode()).as("ffmpeg: %s", sender.log()).isZero();
            encoded.addAll(ivfFrames(Files.readAllBytes(sender.dir().resolve("sent.ivf"))));
        }
        return packets;
    }

    /** The frames of an IVF file: a 32-byte header, then per frame a little-endian 32-bit size, a 64-bit pts, data. */
    private static List<byte[]> ivfFrames(byte[] file) {
        ByteBuffer ivf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DKIF");
        ivf.position(ivf.getShort(6));
        List<byte[]> frames = new ArrayList<>();
        while (ivf.remaining() >= 12) {
            byte[] frame = new byte[ivf.getInt()];
            ivf.getLong();
            ivf.get(frame);
            frames.add(frame);
        }
        return frames;
    }
}
