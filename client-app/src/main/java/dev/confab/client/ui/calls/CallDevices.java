package dev.confab.client.ui.calls;

import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallVideo;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The devices calls use, as chosen in the app's settings, asked afresh for every call: the microphone and speaker
 * ({@link CallAudio}: devices by name, or files and silence in tests) and the camera's name (empty: none).
 * Immutable; the suppliers are called on background threads and must be thread-safe.
 *
 * @param audio  the sound of the next call
 * @param camera the camera of the next video call, by name as the call manager lists cameras; empty for none
 */
public record CallDevices(Supplier<CallAudio> audio, Supplier<Optional<String>> camera) {
    public CallDevices {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(camera, "camera");
    }

    /** The video of a call shown on {@code surfaces}, sending the chosen camera if {@code withCamera}. */
    CallVideo video(boolean withCamera, CallSurfaces surfaces) {
        Optional<String> sending = withCamera ? camera.get() : Optional.empty();
        return new CallVideo(sending, CallVideo.DEFAULT_MODE, surfaces.remote()).withPreview(surfaces.self());
    }

    /** The chosen speaker's name, when the call's sound goes to a device (not a file or nowhere). */
    public Optional<String> speaker() {
        return audio.get() instanceof CallAudio.Devices devices ? Optional.of(devices.speaker()) : Optional.empty();
    }
}
