package dev.confab.media.video.capture;

import java.util.Objects;

/**
 * A mode of an FFmpeg capture device, with the pixel format it comes in. Immutable.
 *
 * @param mode        the size and frame rate
 * @param pixelFormat FFmpeg's name for the device's pixel format or codec in this mode, passed as the
 *                    {@code input_format} option ({@code yuyv422}, {@code nv12}, {@code mjpeg} ...); null leaves the
 *                    choice to the device
 */
public record AvDeviceMode(CameraMode mode, String pixelFormat) {
    public AvDeviceMode {
        Objects.requireNonNull(mode, "mode");
    }

    /** Whether the pictures come compressed (and cost a decoder's work) rather than as raw pixels. */
    public boolean compressed() {
        return "mjpeg".equals(pixelFormat) || "h264".equals(pixelFormat);
    }
}
