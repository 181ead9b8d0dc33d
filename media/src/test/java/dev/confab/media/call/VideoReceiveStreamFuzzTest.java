package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpParse;
import dev.confab.testkit.FuzzFrames;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer fuzz target for a video receive stream: each {@link FuzzFrames} frame of the input is a decrypted packet of
 * the video (96) or RTX (97) payload type or anything else, and one stream, learning the peer's SSRCs from what comes,
 * takes them all on one thread. Nothing may throw; every packet is taken or refused, once; whatever feedback the
 * stream sends parses as RTCP. Seeds (in this test's Inputs directory): a key frame, a gap, an RTX packet restoring
 * it, and garbage.
 */
class VideoReceiveStreamFuzzTest {
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("fuzz-timers").daemon().unstarted(r));

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @FuzzTest(maxDuration = "2m")
    void rtp(byte[] input) {
        VideoReceiveStream stream = new VideoReceiveStream(VideoReceiveStreamFuzzTest::feedback,
                (ssrc, sequence, timestamp, arrival) -> { }, (frame, timestamp) -> { }, TIMERS,
                new SplittableRandom(4585));
        try (stream) {
            stream.start(new VideoReceiveStream.Setup(96, 97, 1, 0, 0));
            int packets = 0;
            for (int at = 0; at < input.length; at = FuzzFrames.next(input, at)) {
                byte[] packet = FuzzFrames.frame(input, at);
                stream.rtp(packet, 0, packet.length);
                packets++;
            }
            VideoReceiveStats stats = stream.stats();
            assertThat(stats.packetsReceived() + stats.packetsRefused()).isEqualTo(packets);
            assertThat(stats.packetsRestored()).isLessThanOrEqualTo(stats.packetsReceived());
            assertThat(stats.framesAssembled()).isLessThanOrEqualTo(stats.packetsReceived());
        }
    }

    private static boolean feedback(byte[] buf, int off, int len) {
        assertThat(RtcpCompound.parse(buf, off, len)).isInstanceOf(RtcpParse.Parsed.class);
        return true;
    }
}
