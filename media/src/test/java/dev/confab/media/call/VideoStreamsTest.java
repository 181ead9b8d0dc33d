package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.media.call.VideoCallLoop.Shown;
import dev.confab.media.video.frame.FrameSize;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A send stream and a receive stream with the real VP8 encoder and decoder, the test pattern as camera, over
 * in-memory links with seeded loss and fixed delay, feedback going back: quality at no loss, recovery under loss,
 * a key frame lost for good and asked for again.
 */
class VideoStreamsTest {
    private static final FrameSize VGA = new FrameSize(640, 480);

    @Test
    void withoutLossEveryFrameArrivesInOrderAt35DbOrBetter() {
        try (VideoCallLoop call = new VideoCallLoop(0, 10, 1, true, false, 1_000_000, true)) {
            call.startCamera(VGA, 30);
            await().atMost(Duration.ofSeconds(10)).until(() -> call.lastFrameShown() >= 89);
            call.stopCamera();
            await("every frame encoded shown").atMost(Duration.ofSeconds(2))
                    .until(() -> call.shown().size() == call.sender().stats().framesEncoded());
            List<Shown> shown = call.shown();
            VideoSendStats sent = call.sender().stats();
            VideoReceiveStats received = call.receiver().stats();
            double meanPsnr = shown.stream().mapToDouble(Shown::lumaPsnr).average().orElse(0);
            double worstPsnr = shown.stream().mapToDouble(Shown::lumaPsnr).min().orElse(0);
            System.out.printf("video 640x480 30 fps 1 Mbit/s, no loss: %d frames shown of %d captured, luma PSNR mean"
                    + " %.2f dB (worst %.2f), %d packets, %d kbit/s, encode %.1f ms a frame, longest freeze %d ms%n",
                    shown.size(), sent.framesCaptured(), meanPsnr, worstPsnr, sent.packetsSent(),
                    sent.bytesSent() * 8 / 3 / 1000, sent.encodeNanos() / 1e6 / sent.framesEncoded(),
                    TimeUnit.NANOSECONDS.toMillis(received.longestFreezeNanos()));

            assertThat(shown).allSatisfy(s -> assertThat(s.size()).isEqualTo(VGA));
            assertThat(shown).extracting(Shown::frameNumber).doesNotContain(-1L).isSorted().doesNotHaveDuplicates();
            assertThat(shown.size()).as("frames shown of 90 (the rest replaced in the mailbox on a busy machine)")
                    .isGreaterThanOrEqualTo(60);
            assertThat(meanPsnr).as("mean luma PSNR, the issue's target").isGreaterThanOrEqualTo(35);
            assertThat(sent.retransmissions()).isZero();
            assertThat(received.nackPacketsSent()).isZero();
            assertThat(received.packetsRefused()).isZero();
            assertThat(call.observed()).isEqualTo((int) sent.packetsSent());
            assertThat(sent.payloadBytesSent()).isBetween(sent.bytesSent() - 40 * sent.packetsSent(),
                    sent.bytesSent() - 12 * sent.packetsSent());
        }
    }

    @Test
    void underFivePercentLossRtxKeepsFreezesUnderHalfASecond() {
        try (VideoCallLoop call = new VideoCallLoop(0.05, 25, 2, true, true, 1_000_000, false)) {
            call.startCamera(VGA, 30);
            await().atMost(Duration.ofSeconds(12)).until(() -> call.lastFrameShown() >= 119);
            call.stopCamera();
            VideoSendStats sent = call.sender().stats();
            VideoReceiveStats received = call.receiver().stats();
            long freezeMillis = TimeUnit.NANOSECONDS.toMillis(received.longestFreezeNanos());
            long pathFreezeMillis = call.longestFreezeBeyondCaptureMillis();
            System.out.printf("video 640x480 30 fps 1 Mbit/s, 5%% loss each way, RTT 50 ms: %d frames shown of %d"
                    + " captured, %d of %d packets lost, %d retransmitted (%d restored), %d NACK packets, %d PLIs,"
                    + " longest freeze %d ms beyond the capture's own gaps (%d ms between pictures shown; frames"
                    + " thinned %d, replaced %d, given up %d)%n", received.framesShown(), sent.framesCaptured(),
                    call.media().lost(), call.media().datagrams(), sent.retransmissions(), received.packetsRestored(),
                    received.nackPacketsSent(), received.plisSent(), pathFreezeMillis, freezeMillis,
                    sent.framesThinned(), sent.framesReplaced(), received.assembler().unrecoverableLosses());

            assertThat(call.media().lost()).isPositive();
            assertThat(received.packetsRestored()).isPositive();
            assertThat(pathFreezeMillis).as("longest freeze beyond the capture's gaps").isLessThan(500);
            assertThat(call.shown()).extracting(Shown::frameNumber).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aKeyFrameLostForGoodIsAskedForWithAPliAndDecodingResumes() {
        try (VideoCallLoop call = new VideoCallLoop(0, 10, 3, false, false, 500_000, false)) {
            call.startCamera(new FrameSize(320, 240), 30);
            await().atMost(Duration.ofSeconds(5)).until(() -> call.lastFrameShown() >= 20);
            long plisBefore = call.receiver().stats().plisSent();
            long keyFramesBefore = call.sender().stats().keyFrames();
            call.media().dropNextKeyFrame(VideoCallLoop.VIDEO_PT);
            call.sender().onPictureLoss(VideoCallLoop.SENDER_SSRC);
            await().atMost(Duration.ofSeconds(2)).until(() -> call.media().doomedTimestamp() >= 0);
            long shownAtLoss = call.lastFrameShown();

            await().atMost(Duration.ofSeconds(5)).until(() -> call.lastFrameShown() >= shownAtLoss + 30);
            call.stopCamera();
            VideoSendStats sent = call.sender().stats();
            VideoReceiveStats received = call.receiver().stats();
            System.out.printf("video 320x240, a key frame dropped whole without RTX: %d packets of it dropped,"
                    + " %d PLIs after it, key frames sent %d, longest freeze %d ms%n", call.media().doomed(),
                    received.plisSent() - plisBefore, sent.keyFrames(),
                    TimeUnit.NANOSECONDS.toMillis(received.longestFreezeNanos()));

            assertThat(call.media().doomed()).isPositive();
            assertThat(received.assembler().unrecoverableLosses()).isPositive();
            assertThat(received.plisSent()).isGreaterThan(plisBefore);
            assertThat(sent.keyFrames()).isGreaterThanOrEqualTo(keyFramesBefore + 2);
            assertThat(sent.retransmissions()).as("plain resends, dropped with the frame").isPositive();
            assertThat(call.shown()).extracting(Shown::frameNumber).isSorted().doesNotHaveDuplicates();
        }
    }
}
