package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.Ffmpeg;
import dev.confab.testkit.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Confab against ffmpeg's SRTP (AES_CM_128_HMAC_SHA1_80, keys on its command line): ffmpeg sends Opus and VP8 as
 * SRTP and Confab unprotects every packet; Confab protects ffmpeg's plain RTP and ffmpeg decodes it. Both streams
 * cross the sequence wrap ({@code -seq}). A wrong key is rejected on both sides.
 */
class FfmpegInteropTest {
    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final List<String> SOURCES = List.of(
            "-re", "-t", "1.5", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-re", "-t", "1.5", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30");
    private static final List<String> OPUS = List.of("-map", "0:a", "-c:a", "libopus", "-b:a", "32k",
            "-f", "rtp", "-payload_type", "111", "-seq", "65500");
    private static final List<String> VP8 = List.of("-map", "1:v", "-c:v", "libvpx", "-deadline", "realtime",
            "-cpu-used", "8", "-b:v", "300k", "-f", "rtp", "-payload_type", "96", "-seq", "65520");

    private final TestPackets random = new TestPackets(16);

    /** Per-stream record of what one side got. */
    static final class Stream {
        int datagrams;
        int rtcp;
        final TreeSet<Integer> payloadTypes = new TreeSet<>();
        final TreeSet<Integer> sequenceNumbers = new TreeSet<>();
    }

    @Test
    void confabUnprotectsEveryPacketFfmpegSends() throws IOException {
        byte[] key = random.keyAndSalt(PROFILE);
        SrtpReceiver receiver = SrtpReceiver.create(SrtpMasterKey.ofConcatenated(PROFILE, key));

        Stream[] got = receiveFromFfmpeg(key, receiver);

        for (Stream stream : got) {
            assertThat(stream.rtcp).as("sender reports").isPositive();
            assertThat(stream.sequenceNumbers).as("crossed the wrap").contains(65535, 0);
        }
        assertThat(got[0].datagrams).as("1.5 s of 20 ms Opus packets").isGreaterThan(60);
        assertThat(got[1].datagrams).as("1.5 s of VP8 at 30 fps").isGreaterThan(40);
        assertThat(got[0].payloadTypes).containsExactly(111);
        assertThat(got[1].payloadTypes).containsExactly(96);
        assertThat(receiver.stats().totalFailures()).as("%s", receiver.stats()).isZero();
        assertThat(receiver.stats().rtpPackets() + receiver.stats().rtcpPackets())
                .isEqualTo(got[0].datagrams + got[1].datagrams);
    }

    @Test
    void confabRejectsEveryPacketUnderAnotherKey() throws IOException {
        SrtpReceiver receiver = SrtpReceiver.create(random.masterKey(PROFILE));

        Stream[] got = receiveFromFfmpeg(random.keyAndSalt(PROFILE), receiver);

        assertThat(got[0].datagrams + got[1].datagrams).isGreaterThan(100);
        assertThat(receiver.stats().failures(SrtpFailure.AUTH_FAILED)).isEqualTo(got[0].datagrams + got[1].datagrams);
        assertThat(receiver.stats().rtpPackets() + receiver.stats().rtcpPackets()).isZero();
    }

    @Test
    void ffmpegDecodesWhatConfabProtects() throws IOException {
        byte[] key = random.keyAndSalt(PROFILE);
        try (Ffmpeg decoder = Ffmpeg.prepare()) {
            forwardToFfmpeg(decoder, key, SrtpSender.create(SrtpMasterKey.ofConcatenated(PROFILE, key)));

            await().atMost(RUN).untilAsserted(() -> assertThat(frames(decoder, 0) > 0 && frames(decoder, 1) > 0)
                    .as("ffmpeg decodes both streams; it logged:%n%s", decoder.log()).isTrue());
            assertThat(decoder.log()).doesNotContain("HMAC mismatch");
            assertThat(frames(decoder, 0)).as("Opus frames decoded").isGreaterThan(20);
            assertThat(frames(decoder, 1)).as("VP8 frames decoded").isGreaterThan(10);
        }
    }

    @Test
    void ffmpegRejectsConfabPacketsUnderAnotherKey() throws IOException {
        try (Ffmpeg decoder = Ffmpeg.prepare()) {
            forwardToFfmpeg(decoder, random.keyAndSalt(PROFILE), SrtpSender.create(random.masterKey(PROFILE)));

            await().atMost(RUN).untilAsserted(() -> assertThat(decoder.log()).contains("HMAC mismatch"));
            assertThat(frames(decoder, 0) + frames(decoder, 1)).isZero();
        }
    }

    /** ffmpeg encodes and sends SRTP to two Confab sockets (RTCP muxed on each); Confab unprotects what arrives. */
    private static Stream[] receiveFromFfmpeg(byte[] ffmpegKey, SrtpReceiver receiver) throws IOException {
        Stream[] streams = {new Stream(), new Stream()};
        try (DatagramChannel audio = bind(); DatagramChannel video = bind(); Ffmpeg sender = Ffmpeg.prepare()) {
            String params = Base64.getEncoder().encodeToString(ffmpegKey);
            List<String> args = new ArrayList<>(SOURCES);
            args.addAll(OPUS);
            args.addAll(srtpOut(params, port(audio)));
            args.addAll(VP8);
            args.addAll(srtpOut(params, port(video)));
            sender.start(args);
            pump(sender, new DatagramChannel[] {audio, video}, (stream, packet, len) -> {
                Stream s = streams[stream];
                s.datagrams++;
                if (isRtcp(packet)) {
                    s.rtcp++;
                    receiver.unprotectRtcp(packet, 0, len);
                } else if (receiver.unprotectRtp(packet, 0, len) > 0) {
                    s.payloadTypes.add(packet[1] & 0x7f);
                    s.sequenceNumbers.add(Bytes.getShort(packet, 2));
                }
            });
            assertThat(sender.exitCode()).as("ffmpeg sender: %s", sender.log()).isZero();
        }
        return streams;
    }

    /** ffmpeg sends plain RTP to Confab, which protects each packet and forwards it to {@code decoder}. */
    private static void forwardToFfmpeg(Ffmpeg decoder, byte[] decoderKey, SrtpSender protector) throws IOException {
        int audioPort = FreePorts.udpPair();
        int videoPort = FreePorts.udpPair();
        String inline = Base64.getEncoder().encodeToString(decoderKey);
        Files.writeString(decoder.dir().resolve("in.sdp"), String.join("\n",
                "v=0", "o=- 0 0 IN IP4 127.0.0.1", "s=confab", "c=IN IP4 127.0.0.1", "t=0 0",
                "m=audio " + audioPort + " RTP/SAVP 111", "a=rtpmap:111 opus/48000/2",
                "a=crypto:1 " + PROFILE.sdesName() + " inline:" + inline,
                "m=video " + videoPort + " RTP/SAVP 96", "a=rtpmap:96 VP8/90000",
                "a=crypto:1 " + PROFILE.sdesName() + " inline:" + inline, ""), StandardCharsets.US_ASCII);
        decoder.start(List.of("-protocol_whitelist", "file,udp,rtp,srtp,crypto", "-i", "in.sdp", "-map", "0",
                "-flush_packets", "1", "-f", "framecrc", "frames.txt"));
        await().atMost(RUN).until(() -> !decoder.isAlive()
                || FreePorts.udpBound(audioPort) && FreePorts.udpBound(videoPort));
        assertThat(decoder.isAlive()).as("ffmpeg decoder: %s", decoder.log()).isTrue();

        InetAddress loopback = InetAddress.getLoopbackAddress();
        int[] ports = {audioPort, videoPort};
        byte[] out = new byte[2048];
        try (DatagramChannel audio = bind(); DatagramChannel video = bind(); DatagramChannel tx = bind();
                Ffmpeg source = Ffmpeg.prepare()) {
            List<String> args = new ArrayList<>(SOURCES);
            args.addAll(OPUS);
            args.add("rtp://127.0.0.1:" + port(audio) + "?rtcpport=" + port(audio));
            args.addAll(VP8);
            args.add("rtp://127.0.0.1:" + port(video) + "?rtcpport=" + port(video));
            source.start(args);
            pump(source, new DatagramChannel[] {audio, video}, (stream, packet, len) -> {
                boolean rtcp = isRtcp(packet);
                int n = rtcp ? protector.protectRtcp(packet, 0, len, out, 0) : protector.protectRtp(packet, 0, len, out, 0);
                assertThat(n).as("%s", protector.stats()).isPositive();
                tx.send(ByteBuffer.wrap(out, 0, n), new InetSocketAddress(loopback, ports[stream] + (rtcp ? 1 : 0)));
            });
            assertThat(source.exitCode()).as("ffmpeg source: %s", source.log()).isZero();
        }
        assertThat(protector.stats().rtpPackets()).isGreaterThan(100);
        assertThat(protector.stats().rtcpPackets()).isPositive();
    }

    interface PacketHandler {
        void handle(int stream, byte[] packet, int len) throws IOException;
    }

    /** Hands every datagram to {@code handler} until {@code peer} has exited and the sockets are drained. */
    private static void pump(Ffmpeg peer, DatagramChannel[] channels, PacketHandler handler) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        long deadline = System.nanoTime() + RUN.toNanos();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < channels.length; i++) {
                channels[i].configureBlocking(false).register(selector, SelectionKey.OP_READ, i);
            }
            while (System.nanoTime() < deadline) {
                if (selector.select(300) == 0) {
                    if (!peer.isAlive()) {
                        return;
                    }
                    continue;
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    buffer.clear();
                    ((DatagramChannel) key.channel()).receive(buffer);
                    handler.handle((Integer) key.attachment(), buffer.array(), buffer.position());
                }
                selector.selectedKeys().clear();
            }
        }
        throw new AssertionError("ffmpeg did not finish in " + RUN + ": " + peer.log());
    }

    private static List<String> srtpOut(String params, int port) {
        return List.of("-srtp_out_suite", PROFILE.sdesName(), "-srtp_out_params", params,
                "srtp://127.0.0.1:" + port + "?rtcpport=" + port + "&pkt_size=1200");
    }

    /** RTCP by RFC 5761's rule for a muxed port: packet types 192 to 223. */
    private static boolean isRtcp(byte[] packet) {
        int type = packet[1] & 0xff;
        return type >= 192 && type <= 223;
    }

    private static long frames(Ffmpeg decoder, int stream) {
        return decoder.read("frames.txt").lines().filter(line -> line.startsWith(stream + ",")).count();
    }

    private static DatagramChannel bind() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return channel;
    }

    private static int port(DatagramChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }
}
