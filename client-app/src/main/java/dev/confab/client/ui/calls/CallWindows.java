package dev.confab.client.ui.calls;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The app's calls on screen, the one object the app makes for them: it watches the client's calls and opens the
 * {@link IncomingCallWindow} when one rings here (with its ringtone), then the {@link InCallWindow} once answered,
 * and places calls for the contact list's call buttons ({@link #placeCall}). The devices come from the app's settings
 * through {@link CallDevices}, asked afresh for each call.
 *
 * <p>Thread contract: make it, and call it, on the JavaFX application thread; client events hop there by
 * {@code run.ui()}.
 */
public final class CallWindows implements AutoCloseable {
    private final ConfabClient client;
    private final UiExecutors run;
    private final CallDevices devices;
    private final Clock clock;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("confab-call-ticks").factory());
    private final Observer observer = new Observer();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<InCallWindow> callWindow = new ReadOnlyObjectWrapper<>(this, "callWindow");
    private final ReadOnlyObjectWrapper<IncomingCallWindow> incomingWindow =
            new ReadOnlyObjectWrapper<>(this, "incomingWindow");

    /** Starts watching {@code client}'s calls; {@code clock} runs the call timer. */
    public CallWindows(ConfabClient client, UiExecutors run, CallDevices devices, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.run = Objects.requireNonNull(run, "run");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.clock = Objects.requireNonNull(clock, "clock");
        client.calls().addObserver(observer);
    }

    /**
     * Calls {@code peerUserId}, with the chosen camera if {@code video}; the call window opens once the call went out.
     * A failure (already in a call, no such device, offline) shows in {@link #problemProperty()}.
     */
    public void placeCall(String peerUserId, boolean video) {
        problem.set("");
        CallSurfaces surfaces = CallSurfaces.create(run.ui());
        run.background().execute(() -> {
            try {
                CallAudio audio = devices.audio().get();
                CallVideo chosen = devices.video(video, surfaces);
                Call call = client.calls().place(peerUserId, audio, chosen);
                run.ui().execute(() -> open(call, audio, chosen.sends(), surfaces));
            } catch (RuntimeException e) {
                String message = Problems.message("Calling", e);
                run.ui().execute(() -> problem.set(message));
            }
        });
    }

    /** Why the last {@link #placeCall} failed; empty when it did not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The window of the current (or last) call; null before the first. */
    public ReadOnlyObjectProperty<InCallWindow> callWindowProperty() {
        return callWindow.getReadOnlyProperty();
    }

    /** The window of the call ringing now (or last); null before the first. */
    public ReadOnlyObjectProperty<IncomingCallWindow> incomingWindowProperty() {
        return incomingWindow.getReadOnlyProperty();
    }

    private void open(Call call, CallAudio audio, boolean cameraSent, CallSurfaces surfaces) {
        InCallWindow previous = callWindow.get();
        if (previous != null) {
            previous.close();
        }
        InCallWindow window = new InCallWindow(new CallViewModel(client, run, call, audio, cameraSent, surfaces, clock,
                ticks));
        callWindow.set(window);
        window.show();
    }

    private void ring(Call call) {
        CallSurfaces surfaces = CallSurfaces.create(run.ui());
        IncomingCallViewModel model = new IncomingCallViewModel(client, run, call, devices, surfaces, Ringtone::start,
                answered -> open(answered.call(), answered.audio(), answered.cameraSent(), surfaces));
        IncomingCallWindow window = new IncomingCallWindow(model);
        incomingWindow.set(window);
        window.show();
    }

    /** Stops watching calls and closes the windows (hanging up a call still on). */
    @Override
    public void close() {
        client.calls().removeObserver(observer);
        Optional.ofNullable(incomingWindow.get()).ifPresent(IncomingCallWindow::close);
        Optional.ofNullable(callWindow.get()).ifPresent(InCallWindow::close);
        ticks.shutdownNow();
    }

    /** A call rings here: the incoming window opens. */
    private final class Observer implements CallObserver {
        @Override
        public void onCallState(Call call, CallState state) {
            if (state == CallState.INCOMING) {
                run.ui().execute(() -> ring(call));
            }
        }
    }
}
