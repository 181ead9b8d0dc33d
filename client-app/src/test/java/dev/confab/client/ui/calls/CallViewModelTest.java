package dev.confab.client.ui.calls;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallDirection;
import dev.confab.client.core.calls.CallRecord;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.core.calls.EndReason;
import dev.confab.client.core.presence.Presence;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.testkit.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call view-models against the real server, two live clients on loopback: the texts a call goes through, its
 * timer from an injected clock, mute and camera, the sound and the camera moved mid-call, the short authentication string's verify, a decline's reason on both
 * sides, and the call history with a missed call, kept when the profile is opened again.
 */
class CallViewModelTest {
    private static final CameraMode QVGA = CameraMode.of(320, 240, 15);

    @RegisterExtension
    static final Friends friends = Friends.standard();

    private final UiThread ui = new UiThread();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final CallDevices silent = new CallDevices(CallAudio.Silent::new, Optional::empty);

    @AfterEach
    void hangUpLeftovers() {
        for (TestUser user : List.of(friends.alice(), friends.bob())) {
            user.client.calls().current().ifPresent(Call::hangUp);
        }
        ticks.shutdownNow();
        ui.close();
    }

    @Test
    void aVideoCallGoesFromCallingThroughItsTimerToTheReasonItEnded() throws Exception {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        writeClip(alice.cameraClip());
        Call call = alice.client.calls().place(bob.userId(), new CallAudio.Silent(),
                new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), QVGA, VideoFrameSink.NONE));
        CallViewModel model = ui.get(() -> new CallViewModel(alice.client, ui.executors(), call, new CallAudio.Silent(),
                true, CallSurfaces.create(ui.executors().ui()), clock, ticks));
        List<String> texts = new CopyOnWriteArrayList<>();
        ui.run(() -> model.stateTextProperty().subscribe((String text) -> texts.add(text)));
        assertThat(texts.getFirst()).isIn("Calling bob…", "Ringing…");

        eventually().until(() -> bob.client.calls().current().map(Call::state).orElse(null) == CallState.INCOMING);
        eventually().until(() -> texts.contains("Ringing…"));
        AtomicLong atBob = new AtomicLong();
        bob.client.calls().current().orElseThrow().answer(new CallAudio.Silent(),
                new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), QVGA, (frame, ts) -> atBob.incrementAndGet()));
        eventually().until(() -> ui.get(() -> model.stateProperty().get()) == CallState.CONNECTED);
        assertThat(texts).containsSubsequence("Ringing…", "Connecting…", "00:00");
        assertThat(ui.get(() -> model.timerProperty().get())).isEqualTo("00:00");

        clock.advance(Duration.ofSeconds(192));
        eventually().until(() -> ui.get(() -> model.stateTextProperty().get()), "03:12"::equals);
        assertThat(ui.get(() -> model.timerProperty().get())).isEqualTo("03:12");
        eventually().until(() -> ui.get(() -> model.qualityProperty().get()) == CallQuality.GOOD);

        ui.run(model::toggleMute);
        assertThat(ui.get(() -> model.mutedProperty().get())).isTrue();
        assertThat(call.muted()).isTrue();
        ui.run(model::toggleCamera);
        eventually().until(() -> !ui.get(() -> model.cameraOnProperty().get()));
        assertThat(call.cameraOn()).isFalse();
        ui.run(model::toggleCamera);
        eventually().until(() -> ui.get(() -> model.cameraOnProperty().get()));
        assertThat(call.cameraOn()).isTrue();

        ui.run(model::loadDevices);
        eventually().until(() -> ui.get(() -> model.cameras().contains(TestUser.CLIP_CAMERA)));
        ui.run(() -> model.useCamera(TestUser.CLIP_CAMERA));
        eventually().until(() -> !ui.get(() -> model.busyProperty().get()));
        long switchedAt = atBob.get();
        eventually().until(() -> atBob.get() >= switchedAt + 10);
        Files.move(alice.cameraClip(), alice.cameraClip().resolveSibling("unplugged.mp4"));
        eventually().alias("the clip camera was the one sending: unplugging it stops ours")
                .until(() -> ui.get(() -> model.problemProperty().get()).contains(TestUser.CLIP_CAMERA));
        assertThat(ui.get(() -> model.cameraOnProperty().get())).isFalse();
        ui.run(() -> model.useCamera("no such camera"));
        eventually().until(() -> ui.get(() -> model.problemProperty().get()).contains("no such camera"));

        Path recording = alice.dir.resolve("after-switch.wav");
        ui.run(() -> model.use(new CallAudio.Files(null, recording)));
        eventually().until(() -> ui.get(model::audio) instanceof CallAudio.Files);
        assertThat(ui.get(() -> model.problemProperty().get())).isEmpty();
        eventually().alias("the speaker's sound goes to the file chosen mid-call")
                .until(() -> Files.exists(recording) && Files.size(recording) > 48_000);

        eventually().until(() -> !ui.get(() -> model.sasProperty().get()).isEmpty());
        assertThat(ui.get(() -> model.sasProperty().get())).isEqualTo(call.sas().orElseThrow().wordText());
        ui.run(model::verify);
        eventually().until(() -> ui.get(() -> model.verifiedProperty().get()));

        ui.run(model::hangUp);
        eventually().until(() -> ui.get(() -> model.endedProperty().get()));
        assertThat(ui.get(() -> model.stateTextProperty().get())).isEqualTo("You hung up.");
        assertThat(ui.get(() -> model.problemProperty().get())).isEmpty();
        CallRecord record = alice.client.calls().history(bob.userId(), 10).getFirst();
        assertThat(record.callId()).isEqualTo(call.id());
        assertThat(record.direction()).isEqualTo(CallDirection.OUTGOING);
        assertThat(record.video()).isTrue();
        assertThat(record.answered()).isPresent();
        assertThat(record.endReason()).isEqualTo(EndReason.HUNG_UP_BY_YOU);
        assertThat(record.missed()).isFalse();
        ui.run(model::close);
    }

    /** A second of ffmpeg's test picture at the size the call asks for, as {@link TestUser#CLIP_CAMERA} plays it. */
    private static void writeClip(Path clip) {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            ffmpeg.start(List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=15:duration=1", "-pix_fmt",
                    "yuv420p", "-c:v", "libx264", "-y", clip.toString()));
            assertThat(ffmpeg.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(ffmpeg.exitCode()).as(ffmpeg.log()).isZero();
        }
    }

    @Test
    void aDeclinedCallShowsTheCallerWhyAndStopsRingingAtTheCallee() {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        Call call = alice.client.calls().place(bob.userId(), new CallAudio.Silent());
        CallViewModel model = ui.get(() -> new CallViewModel(alice.client, ui.executors(), call, new CallAudio.Silent(),
                false, CallSurfaces.create(ui.executors().ui()), clock, ticks));
        eventually().until(() -> bob.client.calls().current().isPresent());
        Call ringing = bob.client.calls().current().orElseThrow();
        List<IncomingCallViewModel.Answered> answered = new CopyOnWriteArrayList<>();
        IncomingCallViewModel incoming = ui.get(() -> new IncomingCallViewModel(bob.client, ui.executors(), ringing,
                silent, CallSurfaces.create(ui.executors().ui()), speaker -> Ringtone.silent(), answered::add));
        assertThat(incoming.callerName()).isEqualTo("alice");
        assertThat(incoming.mediaText()).isEqualTo("Audio call");
        assertThat(incoming.videoOffered()).isFalse();

        ui.run(incoming::decline);
        eventually().until(() -> ui.get(() -> incoming.closedProperty().get()));
        eventually().until(() -> ui.get(() -> model.endedProperty().get()));
        assertThat(ui.get(() -> model.stateTextProperty().get())).isEqualTo("bob declined the call.");
        assertThat(answered).isEmpty();
        CallRecord atBob = bob.client.calls().history(alice.userId(), 10).getFirst();
        assertThat(atBob.endReason()).isEqualTo(EndReason.DECLINED_BY_YOU);
        assertThat(atBob.missed()).isFalse();
        ui.run(() -> {
            incoming.close();
            model.close();
        });
    }

    @Test
    void aMissedCallIsMarkedInTheHistoryWhichIsKeptWhenTheProfileIsOpenedAgain() {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        CallHistoryViewModel history = ui.get(() -> new CallHistoryViewModel(bob.client, ui.executors(),
                alice.userId(), clock));
        Call call = alice.client.calls().place(bob.userId(), new CallAudio.Silent());
        eventually().until(() -> bob.client.calls().current().map(Call::state).orElse(null) == CallState.INCOMING);
        call.hangUp().join();

        eventually().until(() -> ui.get(() -> history.items().stream().anyMatch(i -> i.callId().equals(call.id()))));
        CallHistoryItem missed = ui.get(() -> history.items().getFirst());
        assertThat(missed.missed()).isTrue();
        assertThat(missed.resultText()).isEqualTo("Missed");
        assertThat(missed.kindText()).isEqualTo("Incoming audio call");
        assertThat(missed.direction()).isEqualTo(CallDirection.INCOMING);
        ui.run(history::close);

        bob.close();
        bob.reopen();
        CallHistoryViewModel reopened = ui.get(() -> new CallHistoryViewModel(bob.client, ui.executors(),
                alice.userId(), clock));
        eventually().until(() -> ui.get(() -> reopened.items().stream().anyMatch(i -> i.callId().equals(call.id())
                && i.missed())));
        ui.run(reopened::close);
        eventually().until(() -> alice.presenceOf(bob) == Presence.ONLINE);
    }
}
