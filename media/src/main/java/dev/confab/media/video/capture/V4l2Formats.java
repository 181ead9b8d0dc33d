package dev.confab.media.video.capture;

import dev.confab.media.video.frame.FrameSize;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The V4L2 pixel formats Confab can capture, by their fourcc codes, and FFmpeg's names for them (what its v4l2 input
 * takes as {@code input_format}): raw YUV, RGB and grey pictures, and MJPEG. Formats FFmpeg's v4l2 input does not
 * decode to pictures (H.264 from the camera, Bayer patterns) are left out. Stateless and thread-safe.
 */
final class V4l2Formats {
    private static final Map<String, String> FFMPEG_NAMES = Map.of(
            "YUYV", "yuyv422",
            "UYVY", "uyvy422",
            "NV12", "nv12",
            "YU12", "yuv420p",
            "422P", "yuv422p",
            "RGB3", "rgb24",
            "BGR3", "bgr24",
            "GREY", "gray",
            "MJPG", "mjpeg",
            "JPEG", "mjpeg");

    private V4l2Formats() {}

    /** The fourcc code of {@code code}, four ASCII characters, as V4L2 packs it (first character lowest). */
    static int fourcc(String code) {
        byte[] bytes = code.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 4) {
            throw new IllegalArgumentException("a fourcc has four characters: " + code);
        }
        return (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 24;
    }

    /** The four characters of a fourcc code. */
    static String name(int fourcc) {
        return new String(new byte[] {(byte) fourcc, (byte) (fourcc >> 8), (byte) (fourcc >> 16),
                (byte) (fourcc >> 24)}, StandardCharsets.US_ASCII);
    }

    /** The modes of the formats a device listed, those Confab can capture, each once. */
    static List<AvDeviceMode> modes(List<V4l2Query.Format> formats) {
        return formats.stream()
                .filter(f -> FFMPEG_NAMES.containsKey(name(f.fourcc())))
                .filter(f -> f.width() >= 1 && f.width() <= FrameSize.MAX_SIDE && f.height() >= 1
                        && f.height() <= FrameSize.MAX_SIDE)
                .filter(f -> f.frameRate() >= 1 && f.frameRate() <= CameraMode.MAX_FRAME_RATE)
                .map(f -> new AvDeviceMode(CameraMode.of(f.width(), f.height(), f.frameRate()),
                        Objects.requireNonNull(FFMPEG_NAMES.get(name(f.fourcc())))))
                .distinct()
                .toList();
    }
}
