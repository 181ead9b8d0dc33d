package dev.confab.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopPreferencesTest {
    @TempDir
    Path dir;

    @Test
    void everyChoiceSurvivesAReload() {
        Path file = dir.resolve(DesktopPreferences.FILE_NAME);
        DesktopPreferences prefs = DesktopPreferences.load(file);
        prefs.setMicrophone(Optional.of("usb_mic"));
        prefs.setSpeaker(Optional.of("Headset = left, \"ü\""));
        prefs.setCamera(Optional.of("Confab test pattern"));
        prefs.setCameraMode(CameraMode.of(1280, 720, 15));
        prefs.setTheme(Theme.DARK);
        prefs.setNotificationSound(false);
        prefs.setWindow(new WindowGeometry(-1920.5, 40, 1024, 700, true));

        DesktopPreferences again = DesktopPreferences.load(file);
        assertThat(again.microphone()).contains("usb_mic");
        assertThat(again.speaker()).contains("Headset = left, \"ü\"");
        assertThat(again.camera()).contains("Confab test pattern");
        assertThat(again.cameraMode()).isEqualTo(CameraMode.of(1280, 720, 15));
        assertThat(again.theme()).isEqualTo(Theme.DARK);
        assertThat(again.notificationSound()).isFalse();
        assertThat(again.window()).contains(new WindowGeometry(-1920.5, 40, 1024, 700, true));
        assertThat(again.audio()).isEqualTo(new CallAudio.Devices("usb_mic", "Headset = left, \"ü\""));
        assertThat(again.video(VideoFrameSink.NONE).camera()).contains("Confab test pattern");
    }

    @Test
    void nothingChosenMeansTheSystemDefaultsAndNoCamera() {
        DesktopPreferences prefs = DesktopPreferences.load(dir.resolve(DesktopPreferences.FILE_NAME));
        prefs.setMicrophone(Optional.of("usb_mic"));
        prefs.setMicrophone(Optional.empty());

        DesktopPreferences again = DesktopPreferences.load(prefs.file());
        assertThat(again.microphone()).isEmpty();
        assertThat(again.audio()).isEqualTo(CallAudio.systemDefault());
        assertThat(again.camera()).isEmpty();
        assertThat(again.video(VideoFrameSink.NONE).sends()).isFalse();
        assertThat(again.cameraMode()).isEqualTo(CallVideo.DEFAULT_MODE);
        assertThat(again.theme()).isEqualTo(Theme.SYSTEM);
        assertThat(again.notificationSound()).isTrue();
        assertThat(again.window()).isEmpty();
    }

    @Test
    void anUnreadableFileGivesTheDefaults() throws IOException {
        Path file = dir.resolve(DesktopPreferences.FILE_NAME);
        Files.writeString(file, "appearance.theme=DARK\nbroken=\\uZZZZ\n", StandardCharsets.UTF_8);

        DesktopPreferences prefs = DesktopPreferences.load(file);

        assertThat(prefs.theme()).isEqualTo(Theme.SYSTEM);
        prefs.setTheme(Theme.LIGHT);
        assertThat(DesktopPreferences.load(file).theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aValueThatMakesNoSenseGivesItsDefaultAndKeepsTheOthers() throws IOException {
        Path file = dir.resolve(DesktopPreferences.FILE_NAME);
        Files.writeString(file, """
                appearance.theme=PURPLE
                notifications.sound=maybe
                video.camera-mode=640x480@0
                window.x=10
                window.y=20
                window.width=-5
                window.height=600
                audio.microphone=kept
                """, StandardCharsets.UTF_8);

        DesktopPreferences prefs = DesktopPreferences.load(file);

        assertThat(prefs.theme()).isEqualTo(Theme.SYSTEM);
        assertThat(prefs.notificationSound()).isTrue();
        assertThat(prefs.cameraMode()).isEqualTo(CallVideo.DEFAULT_MODE);
        assertThat(prefs.window()).isEmpty();
        assertThat(prefs.microphone()).contains("kept");
    }

    @Test
    void theFileIsOwnerOnlyAndNoTemporaryFileStays() throws IOException {
        DesktopPreferences prefs = DesktopPreferences.load(dir.resolve("profile").resolve(DesktopPreferences.FILE_NAME));
        prefs.setTheme(Theme.DARK);
        prefs.setNotificationSound(false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prefs.file()))).isEqualTo("rw-------");
        try (var files = Files.list(prefs.file().getParent())) {
            assertThat(files).containsExactly(prefs.file());
        }
    }

    @Test
    void aReaderNeverSeesAHalfWrittenFile() throws Exception {
        Path file = dir.resolve(DesktopPreferences.FILE_NAME);
        DesktopPreferences prefs = DesktopPreferences.load(file);
        prefs.setWindow(new WindowGeometry(0, 0, 800, 600, false));
        prefs.setMicrophone(Optional.of("mic"));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> torn = new ArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                DesktopPreferences seen = DesktopPreferences.load(file);
                if (seen.window().isEmpty() || seen.microphone().isEmpty()) {
                    torn.add(seen.window() + " " + seen.microphone());
                }
            }
        });
        for (int i = 1; i <= 300; i++) {
            prefs.setWindow(new WindowGeometry(i, i, 800 + i, 600, i % 2 == 0));
            prefs.setMicrophone(Optional.of("mic " + i));
        }
        writing.set(false);
        reader.join();

        assertThat(torn).isEmpty();
        assertThat(DesktopPreferences.load(file).window()).contains(new WindowGeometry(300, 300, 1100, 600, true));
    }
}
