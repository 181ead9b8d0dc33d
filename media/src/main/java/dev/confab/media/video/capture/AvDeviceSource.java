package dev.confab.media.video.capture;

import java.util.List;
import java.util.Objects;

/**
 * A capture device as FFmpeg's avdevice opens it: an input format and a device string in that format's syntax
 * ({@code v4l2} with {@code /dev/video0}, {@code dshow} with {@code video=<name>}, {@code avfoundation} with
 * {@code default:none}, or {@code lavfi} with a filter graph such as {@code testsrc2=size=640x480:rate=30}, which
 * stands in for a camera where there is none). Immutable.
 *
 * @param name        the camera's name as listed
 * @param inputFormat FFmpeg's name of the input format
 * @param device      the device string
 * @param modes       the modes the device offers; empty when it does not say
 */
public record AvDeviceSource(String name, String inputFormat, String device, List<AvDeviceMode> modes) {
    /** FFmpeg's virtual input of filter graphs. */
    public static final String LAVFI = "lavfi";

    public AvDeviceSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputFormat, "inputFormat");
        Objects.requireNonNull(device, "device");
        modes = List.copyOf(modes);
    }

    /** A lavfi source named {@code name} that plays {@code filterGraph}, such as {@code testsrc2=size=640x480:rate=30}. */
    public static AvDeviceSource lavfi(String name, String filterGraph) {
        return new AvDeviceSource(name, LAVFI, filterGraph, List.of());
    }

    /** Whether pictures come as fast as they are read (lavfi), not at the pace of a device. */
    boolean unpaced() {
        return inputFormat.equals(LAVFI);
    }
}
