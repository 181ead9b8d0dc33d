package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.media.call.VideoCallLoop.Shown;
import dev.confab.media.rtcp.FirEntry;
import dev.confab.media.rtcp.FullIntraRequest;
import dev.confab.media.video.codec.Vp8EncoderConfig;
import dev.confab.media.video.frame.FrameSize;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A send stream's own controls: size and rate limits, the camera off and on, key frame requests, the bitrate. */
class VideoSendStreamTest {
    private static final FrameSize VGA = new FrameSize(640, 480);
    private static final FrameSize QVGA = new FrameSize(320, 240);

    @Test
    void limitsScaleAndThinTheCamerasFramesAndLiftingThemRestoresTheSize() {
        try (VideoCallLoop call = new VideoCallLoop(0, 5, 5, true, true, 500_000, false)) {
            call.sender().setLimits(new VideoSendStream.Limits(QVGA, 15));
            call.startCamera(VGA, 30);
            await().atMost(Duration.ofSeconds(5)).until(() -> call.shown().size() >= 20);
            VideoSendStats limited = call.sender().stats();
            List<Shown> shown = call.shown();

            assertThat(shown).extracting(Shown::size).containsOnly(QVGA);
            assertThat((double) limited.framesThinned() / limited.framesCaptured()).isBetween(0.4, 0.6);

            call.sender().setLimits(new VideoSendStream.Limits(new FrameSize(1280, 720), 30));
            await().atMost(Duration.ofSeconds(5)).until(() -> call.shown().getLast().size().equals(VGA));
            assertThat(call.shown()).extracting(Shown::frameNumber).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void withTheCameraOffNothingIsSentAndTurnedOnItResumes() {
        try (VideoCallLoop call = new VideoCallLoop(0, 5, 6, true, true, 300_000, false)) {
            call.startCamera(QVGA, 30);
            await().atMost(Duration.ofSeconds(5)).until(() -> call.shown().size() >= 10);

            call.sender().setCameraOn(false);
            int offAt = call.cameraFrames();
            await().atMost(Duration.ofSeconds(5)).until(() -> call.cameraFrames() >= offAt + 10);
            VideoSendStats settled = call.sender().stats();
            await().atMost(Duration.ofSeconds(5)).until(() -> call.cameraFrames() >= offAt + 20);
            VideoSendStats later = call.sender().stats();
            assertThat(later.framesCaptured()).isEqualTo(settled.framesCaptured());
            assertThat(later.packetsSent()).isEqualTo(settled.packetsSent());

            call.sender().setCameraOn(true);
            int onAt = call.cameraFrames();
            await().atMost(Duration.ofSeconds(5)).until(() -> call.lastFrameShown() > onAt);
        }
    }

    @Test
    void keyFrameRequestsForThisStreamAreTakenAtMostOnceIn300Ms() {
        try (VideoCallLoop call = new VideoCallLoop(0, 5, 7, true, true, 300_000, false)) {
            VideoSendStream sender = call.sender();
            sender.onPictureLoss(VideoCallLoop.SENDER_SSRC);
            sender.onPictureLoss(VideoCallLoop.SENDER_SSRC);
            sender.onPictureLoss(VideoCallLoop.SENDER_RTX_SSRC);
            sender.onFullIntraRequest(new FullIntraRequest(VideoCallLoop.RECEIVER_SSRC, List.of(new FirEntry(42, 0))));
            sender.onFullIntraRequest(new FullIntraRequest(VideoCallLoop.RECEIVER_SSRC,
                    List.of(new FirEntry(42, 1), new FirEntry(VideoCallLoop.SENDER_SSRC, 1))));

            VideoSendStats stats = sender.stats();
            assertThat(stats.keyFrameRequests()).isEqualTo(3);
            assertThat(stats.keyFrameRequestsIgnored()).isEqualTo(2);
        }
    }

    @Test
    void theTargetBitrateIsKeptWithinWhatVp8Takes() {
        try (VideoCallLoop call = new VideoCallLoop(0, 5, 8, true, true, 300_000, false)) {
            assertThat(call.sender().targetBitrate()).isEqualTo(300_000);
            call.sender().setTargetBitrate(1);
            assertThat(call.sender().targetBitrate()).isEqualTo(Vp8EncoderConfig.MIN_BITRATE);
            call.sender().setTargetBitrate(850_000);
            assertThat(call.sender().targetBitrate()).isEqualTo(850_000);
        }
    }

    @Test
    void largerPicturesAreScaledToFitKeepingTheirAspectWithEvenSides() {
        FrameSize max = VGA;
        assertThat(VideoSendStream.scaledSize(VGA, max)).isEqualTo(VGA);
        assertThat(VideoSendStream.scaledSize(QVGA, max)).isEqualTo(QVGA);
        assertThat(VideoSendStream.scaledSize(new FrameSize(1280, 720), max)).isEqualTo(new FrameSize(640, 360));
        assertThat(VideoSendStream.scaledSize(new FrameSize(1920, 1080), QVGA)).isEqualTo(new FrameSize(320, 180));
        assertThat(VideoSendStream.scaledSize(new FrameSize(1000, 333), max)).isEqualTo(new FrameSize(640, 212));
    }
}
