package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ModeChooserTest {
    /** A typical USB webcam: raw modes slow at large sizes, MJPEG fast. */
    private static final List<CameraMode> WEBCAM = List.of(
            CameraMode.of(320, 240, 30), CameraMode.of(640, 480, 30), CameraMode.of(640, 480, 15),
            CameraMode.of(1280, 720, 10), CameraMode.of(1280, 720, 30), CameraMode.of(1920, 1080, 5));

    @ParameterizedTest(name = "{0}x{1}@{2} -> {3}")
    @CsvSource({
        // the wanted mode itself
        "640, 480, 30, 640x480@30",
        // the lowest rate that reaches the wanted one, at the smallest size that covers it
        "640, 480, 12, 640x480@15",
        "320, 180, 30, 320x240@30",
        // a size between the modes: the next one up, scaled down
        "800, 600, 30, 1280x720@30",
        // rate first: 1920x1080 offers only 5, so no mode reaches 30 and the fastest covering one is taken
        "1920, 1080, 30, 1920x1080@5",
        // no mode reaches 60: the fastest at the smallest covering size
        "640, 480, 60, 640x480@30",
    })
    void picksTheSmallestModeThatCoversTheSizeAtTheRate(int width, int height, int rate, String chosen) throws Exception {
        assertThat(ModeChooser.choose("cam", WEBCAM, CameraMode.of(width, height, rate))).hasToString(chosen);
    }

    @Test
    void aSizeLargerThanEveryModeIsRefusedNamingWhatTheCameraOffers() {
        assertThatThrownBy(() -> ModeChooser.choose("USB cam", WEBCAM, CameraMode.of(2560, 1440, 30)))
                .isInstanceOfSatisfying(CameraException.class,
                        e -> assertThat(e.kind()).isEqualTo(CameraException.Kind.UNSUPPORTED_MODE))
                .hasMessageContaining("\"USB cam\"").hasMessageContaining("2560x1440")
                .hasMessageContaining("1920x1080@5");
        assertThatThrownBy(() -> ModeChooser.choose("cam", WEBCAM, CameraMode.of(1920, 1200, 5)))
                .as("taller than every mode").isInstanceOf(CameraException.class);
    }

    @Test
    void aCameraThatDoesNotListItsModesIsAskedForTheWantedOne() throws Exception {
        CameraMode wanted = CameraMode.of(640, 360, 24);
        assertThat(ModeChooser.choose("cam", List.of(), wanted)).isEqualTo(wanted);
    }

    @Test
    void theCaptureDeliversTheWantedSizeAtNoMoreThanTheDevicesRate() {
        assertThat(ModeChooser.delivered(CameraMode.of(1280, 720, 30), CameraMode.of(640, 360, 20)))
                .isEqualTo(CameraMode.of(640, 360, 20));
        assertThat(ModeChooser.delivered(CameraMode.of(1920, 1080, 5), CameraMode.of(1920, 1080, 30)))
                .isEqualTo(CameraMode.of(1920, 1080, 5));
    }
}
