package dev.confab.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.TestPatternDriver;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The calls' start-up warm-up and a call placed while it starts. */
class CallWarmUpTest {
    @RegisterExtension
    final Friends friends = Friends.standard();

    /**
     * The first sync starts the warm-up while a call may be being placed on the call manager's thread, which stops the
     * warm-up; the warm-up once asked that thread for the current call while holding the lock the call needed, and
     * neither went on (the call never went out). Here the call is held on the manager's thread (its cameras are
     * listed) while the warm-up starts.
     */
    @Test
    void aCallPlacedWhileTheWarmUpStartsGoesOut() throws Exception {
        CountDownLatch listingCameras = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Not tracked by the fixture: if the two threads deadlock, closing the client would wait for them for ever.
        TestUser phone = TestUser.signInOneShot(friends.server().baseUrl(),
                friends.profiles().resolve("alice-phone"), "alice", calls -> calls.withWarmUp(true).withCameras(() -> {
                    listingCameras.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return TestPatternDriver.standard();
                }));
        CallVideo camera = new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), CameraMode.of(320, 240, 15),
                VideoFrameSink.NONE);
        CompletableFuture<Call> placed = CompletableFuture.supplyAsync(
                () -> phone.client.calls().place(friends.bob().userId(), new CallAudio.Silent(), camera));
        assertThat(listingCameras.await(10, TimeUnit.SECONDS)).as("the call reached the manager's thread").isTrue();

        try {
            CompletableFuture<Void> warmUp = CompletableFuture.runAsync(() -> phone.client.calls().warmUp());
            assertThat(warmUp).as("the warm-up starts without waiting for the manager's thread")
                    .succeedsWithin(5, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        // Placed (or refused: this device is not connected); either way the manager's thread goes on.
        Call call = placed.handle((placedCall, refused) -> placedCall).get(10, TimeUnit.SECONDS);
        if (call != null) {
            call.hangUp();
        }
        phone.close();
    }
}
