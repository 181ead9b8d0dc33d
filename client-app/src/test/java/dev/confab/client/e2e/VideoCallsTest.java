package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.testing.FrameCounter;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.Camera;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.protocol.ws.CallMedia;
import dev.confab.testkit.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Video calls between live clients through the real server, on loopback: each side's camera shows at the other's; a
 * camera turned off stops the picture and turned on brings it back; a camera unplugged mid-call stops this device's
 * picture without ending the call, tells the observers, and once plugged back in can be turned on again.
 */
class VideoCallsTest {
    private static final CameraMode QVGA = CameraMode.of(320, 240, 15);

    @RegisterExtension
    static final Friends friends = Friends.standard();

    @AfterEach
    void hangUpLeftovers() {
        for (TestUser user : List.of(friends.alice(), friends.bob())) {
            user.client.calls().current().ifPresent(Call::hangUp);
        }
    }

    @Test
    void eachSideSeesTheOthersCameraAndACameraTurnedOffAndOnAgainStopsAndBringsBackThePicture() {
        FrameCounter atAlice = new FrameCounter();
        FrameCounter atBob = new FrameCounter();
        Call outgoing = friends.alice().client.calls().place(friends.bob().userId(), new CallAudio.Silent(),
                camera(TestPatternDriver.DEFAULT_NAME, atAlice));
        eventually().until(() -> friends.bob().client.calls().current().isPresent());
        Call incoming = friends.bob().client.calls().current().orElseThrow();
        assertThat(incoming.media()).isEqualTo(CallMedia.VIDEO);
        incoming.answer(new CallAudio.Silent(), camera(TestPatternDriver.DEFAULT_NAME, atBob));
        eventually().until(() -> atAlice.count() >= 20 && atBob.count() >= 20);

        outgoing.camera(false);
        assertThat(outgoing.cameraOn()).isFalse();
        atBob.awaitStill();
        assertThat(outgoing.state()).isEqualTo(CallState.CONNECTED);
        long stillAt = atBob.count();
        outgoing.camera(true);
        eventually().until(() -> atBob.count() >= stillAt + 20);
        assertThat(incoming.statistics().orElseThrow().videoReceived().framesUndecodable()).isZero();
    }

    @Test
    void aCameraUnpluggedMidCallStopsThePictureNotTheCallAndCanBeTurnedOnOncePluggedBackIn() throws Exception {
        TestUser alice = friends.alice();
        Path clip = alice.cameraClip();
        writeClip(clip);
        List<String> lost = new CopyOnWriteArrayList<>();
        CallObserver observer = new CallObserver() {
            @Override
            public void onCameraLost(Call call, String reason) {
                lost.add(reason);
            }
        };
        alice.client.calls().addObserver(observer);
        try {
            FrameCounter atBob = new FrameCounter();
            Call outgoing = alice.client.calls().place(friends.bob().userId(), new CallAudio.Silent(),
                    camera(TestUser.CLIP_CAMERA, new FrameCounter()));
            eventually().until(() -> friends.bob().client.calls().current().isPresent());
            friends.bob().client.calls().current().orElseThrow().answer(new CallAudio.Silent(),
                    new CallVideo(Optional.empty(), QVGA, atBob));
            eventually().until(() -> atBob.count() >= 10);

            Path away = clip.resolveSibling("unplugged.mp4");
            Files.move(clip, away);
            eventually().until(() -> !lost.isEmpty());
            assertThat(lost.getFirst()).contains(TestUser.CLIP_CAMERA);
            assertThat(outgoing.cameraOn()).isFalse();
            atBob.awaitStill();
            assertThat(outgoing.state()).isEqualTo(CallState.CONNECTED);

            Files.move(away, clip);
            eventually().until(() -> alice.client.calls().cameraList().stream().map(Camera::name)
                    .anyMatch(TestUser.CLIP_CAMERA::equals));
            long stillAt = atBob.count();
            outgoing.camera(true);
            eventually().until(() -> atBob.count() >= stillAt + 10);
        } finally {
            alice.client.calls().removeObserver(observer);
        }
    }

    private static CallVideo camera(String name, VideoFrameSink remote) {
        return new CallVideo(Optional.of(name), QVGA, remote);
    }

    /** Two seconds of ffmpeg's moving test picture, 320x240 at 15 frames a second, as a camera plays it in a loop. */
    private static void writeClip(Path clip) {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            ffmpeg.start(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=15:duration=2", "-pix_fmt", "yuv420p",
                    "-c:v", "libx264", "-y", clip.toString()));
            assertThat(ffmpeg.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(ffmpeg.exitCode()).as(ffmpeg.log()).isZero();
        }
    }

}
