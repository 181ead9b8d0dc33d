package dev.confab.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.DeviceEvent;
import dev.confab.media.audio.device.Direction;
import dev.confab.media.video.capture.CameraException;
import org.junit.jupiter.api.Test;

class DeviceProblemsTest {
    private static final AudioDevice MIC = AudioDevice.systemDefault(Direction.CAPTURE);

    @Test
    void aBusyCameraSaysWhatToDo() {
        String text = DeviceProblems.of(new CameraException(CameraException.Kind.BUSY,
                "Camera \"Integrated\" is busy: another program uses it"));

        assertThat(text).isEqualTo("Camera \"Integrated\" is busy: another program uses it. Close the program using it"
                + " (or end the call), or choose another camera.");
    }

    @Test
    void aMicrophoneThatCannotBeOpenedSaysWhyAndThatConfabKeepsTrying() {
        assertThat(DeviceProblems.of("microphone", new DeviceEvent.OpenFailed(MIC, "Device or resource busy")))
                .hasValueSatisfying(text -> assertThat(text).startsWith("The microphone could not be opened (Device or"
                        + " resource busy). It may be in use by another program"));
    }

    @Test
    void anOpenedDeviceClearsItsProblemAndRoutineEventsSayNothing() {
        assertThat(DeviceProblems.of("speaker", new DeviceEvent.Opened(MIC, 1, 960))).contains("");
        assertThat(DeviceProblems.of("speaker", new DeviceEvent.Underrun(3))).isEmpty();
    }
}
