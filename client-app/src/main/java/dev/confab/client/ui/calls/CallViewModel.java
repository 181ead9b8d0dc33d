package dev.confab.client.ui.calls;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.crypto.sas.ShortAuthString;
import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.Direction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One call on screen, placed or answered: where it stands in words ("Calling alice…", "Ringing…", "Connecting…", the
 * timer while connected, "Reconnecting…", then the reason it ended), mute and camera, the network quality (polled
 * every second from the call's statistics), the short authentication string with its "verify" action, hanging up,
 * and moving the sound to another microphone or speaker, or the video to another camera, mid-call.
 *
 * <p>Thread contract: properties change on {@code run.ui()} only; actions may be called from the UI thread and do
 * their blocking work on {@code run.background()}; the once-a-second tick runs on {@code ticks} and hops to the UI.
 */
public final class CallViewModel implements AutoCloseable {
    private final ConfabClient client;
    private final UiExecutors run;
    private final Call call;
    private final CallSurfaces surfaces;
    private final Clock clock;
    private final boolean cameraSent;
    private final Observer observer = new Observer();
    private final ScheduledFuture<?> tick;
    private final ReadOnlyObjectWrapper<CallState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText");
    private final ReadOnlyStringWrapper timer = new ReadOnlyStringWrapper(this, "timer", "");
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper(this, "answered");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final ReadOnlyBooleanWrapper cameraOn = new ReadOnlyBooleanWrapper(this, "cameraOn");
    private final ReadOnlyObjectWrapper<CallQuality> quality =
            new ReadOnlyObjectWrapper<>(this, "quality", CallQuality.UNKNOWN);
    private final ReadOnlyStringWrapper sas = new ReadOnlyStringWrapper(this, "sas", "");
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper(this, "verified");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<String> microphones = FXCollections.observableArrayList();
    private final ObservableList<String> speakers = FXCollections.observableArrayList();
    private final ObservableList<String> cameras = FXCollections.observableArrayList();
    private CallAudio audio;
    private Instant connectedSince;

    /**
     * Shows {@code call} (just placed or answered with {@code audio}, its pictures going to {@code surfaces}); ticks
     * once a second on {@code ticks} (the caller owns it). Construct on the UI thread.
     *
     * @param cameraSent whether the call was set up with this device's camera (else the camera button does nothing)
     */
    public CallViewModel(ConfabClient client, UiExecutors run, Call call, CallAudio audio, boolean cameraSent,
            CallSurfaces surfaces, Clock clock, ScheduledExecutorService ticks) {
        this.client = Objects.requireNonNull(client, "client");
        this.run = Objects.requireNonNull(run, "run");
        this.call = Objects.requireNonNull(call, "call");
        this.audio = Objects.requireNonNull(audio, "audio");
        this.surfaces = Objects.requireNonNull(surfaces, "surfaces");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cameraSent = cameraSent;
        tick = ticks.scheduleAtFixedRate(this::poll, 1, 1, TimeUnit.SECONDS);
        muted.set(call.muted());
        cameraOn.set(cameraSent && call.cameraOn());
        client.calls().addObserver(observer);
        call.sas().ifPresent(this::secured);
        show(call.state());
    }

    public Call call() {
        return call;
    }

    public CallSurfaces surfaces() {
        return surfaces;
    }

    public String peerName() {
        return call.peerName();
    }

    /** Whether the caller placed it as a video call. */
    public boolean videoCall() {
        return call.media() == dev.confab.protocol.ws.CallMedia.VIDEO;
    }

    public ReadOnlyObjectProperty<CallState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Where the call stands, for people: the timer while connected, the end reason once ended. */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** "03:12" since the call connected; empty before. */
    public ReadOnlyStringProperty timerProperty() {
        return timer.getReadOnlyProperty();
    }

    /** Whether the call was ever answered (the in-call view replaces the outgoing one). */
    public ReadOnlyBooleanProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    /** Whether this device's camera sends. */
    public ReadOnlyBooleanProperty cameraOnProperty() {
        return cameraOn.getReadOnlyProperty();
    }

    /** Whether the call has a camera to turn on and off. */
    public boolean cameraAvailable() {
        return cameraSent;
    }

    public ReadOnlyObjectProperty<CallQuality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    /** The short authentication string's words, once the media is encrypted; empty before. */
    public ReadOnlyStringProperty sasProperty() {
        return sas.getReadOnlyProperty();
    }

    /** Whether the person confirmed the string matches (and the peer's keys are now trusted). */
    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last action's failure, as a sentence; empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The machine's microphones by name, after {@link #loadDevices()}. */
    public ObservableList<String> microphones() {
        return FXCollections.unmodifiableObservableList(microphones);
    }

    /** The machine's speakers by name, after {@link #loadDevices()}. */
    public ObservableList<String> speakers() {
        return FXCollections.unmodifiableObservableList(speakers);
    }

    // ---- actions

    public void toggleMute() {
        boolean next = !muted.get();
        call.mute(next);
        muted.set(next);
    }

    /** Turns the camera off, or on again (starting it may take a moment, so it runs in the background). */
    public void toggleCamera() {
        if (!cameraSent) {
            return;
        }
        boolean next = !cameraOn.get();
        act("Turning the camera " + (next ? "on" : "off"), () -> call.camera(next), () -> {
            cameraOn.set(call.cameraOn());
            if (!next) {
                surfaces.self().clear();
            }
        });
    }

    /** Hangs up, or cancels the call while it rings. */
    public void hangUp() {
        act("Hanging up", call::hangUp, () -> {});
    }

    /** The person compared the string with the peer's and it matches: trusts the peer's current keys. */
    public void verify() {
        act("Verifying", () -> client.keys().markVerified(call.peerUserId()), () -> verified.set(true));
    }

    /** The machine's cameras by name, after {@link #loadDevices()}; none for a call without a camera. */
    public ObservableList<String> cameras() {
        return FXCollections.unmodifiableObservableList(cameras);
    }

    /** Lists the microphones, speakers and (for a call with a camera) cameras in the background, for the menu. */
    public void loadDevices() {
        run.background().execute(() -> {
            try {
                AudioDevices devices = new AudioDevices();
                List<String> mics = devices.list(Direction.CAPTURE).stream().map(AudioDevice::name).toList();
                List<String> outs = devices.list(Direction.PLAYOUT).stream().map(AudioDevice::name).toList();
                List<String> cams = cameraSent ? client.calls().cameraList().stream().map(c -> c.name()).toList()
                        : List.of();
                run.ui().execute(() -> {
                    microphones.setAll(mics);
                    speakers.setAll(outs);
                    cameras.setAll(cams);
                });
            } catch (RuntimeException e) {
                run.ui().execute(() -> problem.set(Problems.message("Listing the sound devices", e)));
            }
        });
    }

    /** Moves the call's sound to the microphone named {@code name}, keeping the speaker. */
    public void useMicrophone(String name) {
        use(new CallAudio.Devices(name, currentSpeaker()));
    }

    /** Moves the call's sound to the speaker named {@code name}, keeping the microphone. */
    public void useSpeaker(String name) {
        use(new CallAudio.Devices(currentMicrophone(), name));
    }

    /** Moves the call's sound to {@code next} mid-call. */
    public void use(CallAudio next) {
        act("Switching the sound device", () -> call.audio(next), () -> audio = next);
    }

    /** Sends the camera named {@code name} instead (for a call set up with a camera). */
    public void useCamera(String name) {
        act("Switching the camera", () -> call.switchCamera(name), () -> {});
    }

    /** The sound the call uses now. UI thread. */
    public CallAudio audio() {
        return audio;
    }

    private String currentMicrophone() {
        return audio instanceof CallAudio.Devices d ? d.microphone() : AudioDevice.SYSTEM_DEFAULT_NAME;
    }

    private String currentSpeaker() {
        return audio instanceof CallAudio.Devices d ? d.speaker() : AudioDevice.SYSTEM_DEFAULT_NAME;
    }

    @Override
    public void close() {
        client.calls().removeObserver(observer);
        tick.cancel(false);
    }

    // ---- inner workings

    private void act(String what, Runnable work, Runnable done) {
        busy.set(true);
        problem.set("");
        run.attempt(what, work, () -> {
            busy.set(false);
            done.run();
        }, why -> {
            busy.set(false);
            problem.set(why);
        });
    }

    /** Once a second, on the tick thread: the call's statistics, then the timer and quality on the UI thread. */
    private void poll() {
        CallQuality now = call.state() == CallState.CONNECTED || call.state() == CallState.RECONNECTING
                ? call.statistics().map(CallQuality::of).orElse(CallQuality.UNKNOWN) : CallQuality.UNKNOWN;
        run.ui().execute(() -> {
            if (!ended.get()) {
                quality.set(now);
                showTimer();
            }
        });
    }

    private void show(CallState next) {
        if (ended.get()) {
            return;
        }
        state.set(next);
        if (next.answered()) {
            answered.set(true);
        }
        if (next == CallState.CONNECTED && connectedSince == null) {
            connectedSince = clock.instant();
        }
        if (next == CallState.ENDED) {
            ended.set(true);
            quality.set(CallQuality.UNKNOWN);
            tick.cancel(false);
            stateText.set(call.end().map(end -> end.message(call.peerName())).orElse(CallTexts.state(next, peerName())));
            return;
        }
        stateText.set(CallTexts.state(next, peerName()));
        showTimer();
    }

    private void showTimer() {
        if (connectedSince == null) {
            return;
        }
        timer.set(CallTexts.timer(Duration.between(connectedSince, clock.instant())));
        if (state.get() == CallState.CONNECTED) {
            stateText.set(timer.get());
        }
    }

    private void secured(ShortAuthString value) {
        sas.set(value.wordText());
    }

    /** The call's events, from the client's event thread to the UI. */
    private final class Observer implements CallObserver {
        @Override
        public void onCallState(Call c, CallState next) {
            if (c.id().equals(call.id())) {
                run.ui().execute(() -> show(next));
            }
        }

        @Override
        public void onCallSecured(Call c, ShortAuthString value) {
            if (c.id().equals(call.id())) {
                run.ui().execute(() -> secured(value));
            }
        }

        @Override
        public void onCameraLost(Call c, String reason) {
            if (c.id().equals(call.id())) {
                run.ui().execute(() -> {
                    cameraOn.set(false);
                    problem.set("Your camera stopped: " + reason);
                });
            }
        }

        @Override
        public void onCallEnded(Call c, CallEnd end) {
            if (c.id().equals(call.id())) {
                run.ui().execute(() -> show(CallState.ENDED));
            }
        }
    }
}
