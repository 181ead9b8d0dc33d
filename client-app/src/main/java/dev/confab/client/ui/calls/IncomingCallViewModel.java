package dev.confab.client.ui.calls;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.protocol.ws.CallMedia;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A call ringing on this device: who calls and with what (audio or video), accept with audio only or with the
 * camera too, or decline; the ringtone plays on the chosen speaker until the call is answered, declined or over.
 * When {@link #closedProperty() closed} turns true the window goes; after an accept, {@code onAnswered} is told how the
 * call was answered, so the in-call window can open.
 *
 * <p>Thread contract: properties change on {@code run.ui()} only; actions from the UI thread, their work (answering,
 * starting the ringtone) on {@code run.background()}.
 */
public final class IncomingCallViewModel implements AutoCloseable {
    /**
     * How a call was answered here. Immutable.
     *
     * @param call       the answered call
     * @param audio      the sound it was answered with
     * @param cameraSent whether this device's camera sends
     */
    public record Answered(Call call, CallAudio audio, boolean cameraSent) {}

    private final ConfabClient client;
    private final UiExecutors run;
    private final Call call;
    private final CallDevices devices;
    private final CallSurfaces surfaces;
    private final Consumer<Answered> onAnswered;
    private final Observer observer = new Observer();
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private Ringtone ringtone = Ringtone.silent();

    /**
     * Rings for {@code call} (ringing on {@code ringtones}' speaker, started in the background) and waits for the
     * person. Construct on the UI thread.
     *
     * @param ringtones  starts the ringtone on the chosen speaker (empty: none); {@link Ringtone#start} in the app
     * @param onAnswered told, on the UI thread, once the call was answered here
     */
    public IncomingCallViewModel(ConfabClient client, UiExecutors run, Call call, CallDevices devices,
            CallSurfaces surfaces, Function<Optional<String>, Ringtone> ringtones, Consumer<Answered> onAnswered) {
        this.client = Objects.requireNonNull(client, "client");
        this.run = Objects.requireNonNull(run, "run");
        this.call = Objects.requireNonNull(call, "call");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.surfaces = Objects.requireNonNull(surfaces, "surfaces");
        this.onAnswered = Objects.requireNonNull(onAnswered, "onAnswered");
        client.calls().addObserver(observer);
        if (call.end().isPresent()) {
            closed.set(true);
            return;
        }
        run.background().execute(() -> {
            Ringtone started = ringtones.apply(devices.speaker());
            run.ui().execute(() -> {
                if (closed.get()) {
                    started.stop();
                } else {
                    ringtone = started;
                }
            });
        });
    }

    public String callerName() {
        return call.peerName();
    }

    /** Whether the caller offers video (their camera is on). */
    public boolean videoOffered() {
        return call.media() == CallMedia.VIDEO;
    }

    /** "Video call" or "Audio call". */
    public String mediaText() {
        return videoOffered() ? "Video call" : "Audio call";
    }

    /** Whether the window should go: answered, declined or the call ended. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why an accept failed, as a sentence; empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the ringtone is sounding on a speaker now. UI thread. */
    public boolean ringing() {
        return ringtone.playing();
    }

    /** Answers with the microphone and speaker, no camera (the caller's video is shown); nothing once settled. */
    public void acceptAudio() {
        accept(false);
    }

    /** Answers with the chosen camera too; nothing once settled. */
    public void acceptVideo() {
        accept(true);
    }

    /** Declines; nothing once answered, declined or over. */
    public void decline() {
        if (busy.get() || closed.get()) {
            return;
        }
        stopRinging();
        busy.set(true);
        run.background().execute(() -> {
            try {
                call.reject();
            } catch (IllegalStateException e) {
                // It stopped ringing meanwhile (the caller gave up, another device answered): nothing to decline.
            }
            run.ui().execute(this::finish);
        });
    }

    private void accept(boolean withCamera) {
        if (busy.get() || closed.get()) {
            return;
        }
        stopRinging();
        busy.set(true);
        problem.set("");
        run.attempt("Answering the call", () -> {
            CallAudio audio = devices.audio().get();
            var video = devices.video(withCamera, surfaces);
            call.answer(audio, video);
            return new Answered(call, audio, video.sends());
        }, answered -> {
            finish();
            onAnswered.accept(answered);
        }, why -> {
            busy.set(false);
            problem.set(why);
            if (call.end().isPresent()) {
                finish();
            }
        });
    }

    private void stopRinging() {
        ringtone.stop();
    }

    private void finish() {
        busy.set(false);
        stopRinging();
        closed.set(true);
    }

    @Override
    public void close() {
        client.calls().removeObserver(observer);
        stopRinging();
    }

    /** The call stopped ringing without us: the caller gave up, or it was answered or declined elsewhere. */
    private final class Observer implements CallObserver {
        @Override
        public void onCallEnded(Call c, CallEnd end) {
            if (c.id().equals(call.id())) {
                run.ui().execute(IncomingCallViewModel.this::finish);
            }
        }
    }
}
