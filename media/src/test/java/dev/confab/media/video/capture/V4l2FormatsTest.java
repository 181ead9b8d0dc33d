package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class V4l2FormatsTest {
    @Test
    void fourccCodesAreFourAsciiCharactersFirstLowest() {
        // linux/videodev2.h: V4L2_PIX_FMT_YUYV = v4l2_fourcc('Y', 'U', 'Y', 'V') = 0x56595559
        assertThat(V4l2Formats.fourcc("YUYV")).isEqualTo(0x56595559);
        assertThat(V4l2Formats.name(0x47504a4d)).isEqualTo("MJPG");
    }

    @Test
    void capturableFormatsBecomeModesWithFfmpegsNames() {
        List<V4l2Query.Format> listed = List.of(
                format("YUYV", 640, 480, 30), format("YUYV", 1280, 720, 10), format("MJPG", 1280, 720, 30),
                format("H264", 1920, 1080, 30), format("MJPG", 1280, 720, 30), format("NV12", 99_999, 480, 30),
                format("GREY", 640, 480, 0));
        assertThat(V4l2Formats.modes(listed)).containsExactly(
                new AvDeviceMode(CameraMode.of(640, 480, 30), "yuyv422"),
                new AvDeviceMode(CameraMode.of(1280, 720, 10), "yuyv422"),
                new AvDeviceMode(CameraMode.of(1280, 720, 30), "mjpeg"));
    }

    @Test
    void twoCamerasOfOneModelAreToldApartByTheirDevicePaths() {
        List<AvDeviceSource> sources = V4l2Devices.sources(List.of(
                new V4l2Query.Device("/dev/video0", "HD Webcam C270", List.of(format("YUYV", 640, 480, 30))),
                new V4l2Query.Device("/dev/video2", "Integrated Camera", List.of()),
                new V4l2Query.Device("/dev/video4", "HD Webcam C270", List.of())));
        assertThat(sources).extracting(AvDeviceSource::name)
                .containsExactly("HD Webcam C270 (/dev/video0)", "Integrated Camera", "HD Webcam C270 (/dev/video4)");
        assertThat(sources.getFirst().inputFormat()).isEqualTo("v4l2");
        assertThat(sources.getFirst().device()).isEqualTo("/dev/video0");
        assertThat(sources.getFirst().modes()).containsExactly(new AvDeviceMode(CameraMode.of(640, 480, 30), "yuyv422"));
    }

    @Test
    void aNodeThatIsNoVideoDeviceIsPassedOver() {
        // The ioctls reach the kernel through JNA and are refused (ENOTTY), as by the metadata node of a UVC camera.
        assertThat(V4l2Query.query("/dev/null")).isEmpty();
        assertThat(V4l2Query.query("/dev/video-that-is-not-there")).isEmpty();
    }

    @Test
    void thisMachinesListingDoesNotFailWithoutCameras() {
        assertThat(V4l2Devices.list()).allSatisfy(source -> assertThat(source.device()).startsWith("/dev/video"));
    }

    private static V4l2Query.Format format(String fourcc, int width, int height, int rate) {
        return new V4l2Query.Format(V4l2Formats.fourcc(fourcc), width, height, rate);
    }
}
