package dev.confab.client.ui.settings;

import dev.confab.media.audio.device.DeviceEvent;
import dev.confab.media.video.capture.CameraException;
import java.util.Optional;

/** The sentences shown when a microphone, speaker or camera cannot be used. Stateless. */
final class DeviceProblems {
    private DeviceProblems() {}

    /** A chosen audio device that is not listed now. */
    static String notConnected(String kind, String name) {
        return "The " + kind + " \"" + name + "\" is not connected. Plug it in, or choose another " + kind + ".";
    }

    /** What a line's event means for the user, if anything; empty for events that need no words. */
    static Optional<String> of(String kind, DeviceEvent event) {
        return switch (event) {
            case DeviceEvent.OpenFailed failed -> Optional.of("The " + kind + " could not be opened (" + failed.reason()
                    + "). It may be in use by another program; Confab keeps trying. Choose another " + kind
                    + " if it stays silent.");
            case DeviceEvent.Lost lost -> Optional.of("The " + kind + " stopped working (" + lost.reason()
                    + "). Confab opens it again, or the system default, as soon as it can.");
            case DeviceEvent.Opened opened -> Optional.of("");
            case DeviceEvent.Underrun underrun -> Optional.empty();
            case DeviceEvent.Overrun overrun -> Optional.empty();
            case DeviceEvent.CallbackFailed callback -> Optional.empty();
        };
    }

    /** A camera that could not be opened. */
    static String of(CameraException e) {
        String what = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
        return switch (e.kind()) {
            case NO_CAMERA, REMOVED -> what + " Plug it in, or choose another camera.";
            case BUSY -> what + " Close the program using it (or end the call), or choose another camera.";
            case UNSUPPORTED_MODE -> what + " Choose another camera.";
            case FAILED -> what + " Try again, or choose another camera.";
        };
    }
}
