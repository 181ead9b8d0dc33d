package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.media.video.frame.FrameSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad packets at a receive stream: counted and dropped, nothing thrown, the peer's video still shown. */
class VideoReceiveStreamTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void malformedShortAndGarbagePacketsAreCountedAndDropped() throws Exception {
        try (VideoCallLoop call = new VideoCallLoop(0, 5, 4, true, true, 300_000, false)) {
            List<byte[]> bad = new ArrayList<>(handMade());
            Random random = new Random(7741);
            for (int i = 0; i < 500; i++) {
                byte[] garbage = new byte[random.nextInt(120)];
                random.nextBytes(garbage);
                bad.add(garbage);
            }
            for (byte[] packet : bad) {
                call.deliver(packet);
            }

            VideoReceiveStats afterGarbage = call.receiver().stats();
            assertThat(afterGarbage.packetsRefused()).isEqualTo(bad.size());
            assertThat(afterGarbage.packetsReceived()).isZero();

            call.startCamera(new FrameSize(320, 240), 30);
            await().atMost(Duration.ofSeconds(5)).until(() -> call.lastFrameShown() >= 15);
            for (byte[] packet : fromAStranger()) {
                call.deliver(packet);
            }
            VideoReceiveStats received = call.receiver().stats();
            assertThat(received.packetsRefused()).isEqualTo(bad.size() + fromAStranger().size());
            assertThat(received.framesShown()).as("the first frames may go while the encoder opens")
                    .isGreaterThanOrEqualTo(10);
            assertThat(received.assembler().malformed()).isZero();
        }
    }

    /** Packets that are not RTP, or not from the peer's SSRCs, or RTX before a media packet came. */
    private static List<byte[]> handMade() {
        return List.of(
                new byte[0],
                HEX.parseHex("80"),
                HEX.parseHex("80600001000000000000"), // 10 bytes: shorter than a header
                HEX.parseHex("40600001000000001111222200"), // version 1
                HEX.parseHex("8f600001000000001111222200"), // 15 CSRCs announced, none there
                HEX.parseHex("90600001000000001111222200"), // an extension announced, none there
                HEX.parseHex("906000010000000011112222bede0009aa"), // an extension longer than the packet
                HEX.parseHex("a0600001000000001111222200ff"), // padding longer than the packet
                HEX.parseHex("80610001000000003333444400"), // RTX before the media SSRC is known
                HEX.parseHex("80610001000000003333444400010203"), // RTX, same
                HEX.parseHex("80080001000000001111222200")); // another payload type
    }

    /** Video and RTX packets from SSRCs that are not the peer's signalled ones. */
    private static List<byte[]> fromAStranger() {
        return List.of(
                HEX.parseHex("80600001000000007777888890800001"),
                HEX.parseHex("80e00002000000007777888890800001aabb"),
                HEX.parseHex("8061000100000000777788880005"));
    }
}
