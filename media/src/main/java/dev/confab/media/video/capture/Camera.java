package dev.confab.media.video.capture;

import java.util.List;
import java.util.Objects;

/**
 * A camera as {@link Cameras} lists it. Immutable.
 *
 * @param name  the name to choose it by: what the device calls itself (a V4L2 card name, a DirectShow friendly name),
 *              or the name a test pattern or video file camera was given; unique within one listing
 * @param modes the sizes and frame rates it offers, smallest first; empty when the device does not say (it is then
 *              asked for the wanted mode and delivers what it can)
 */
public record Camera(String name, List<CameraMode> modes) {
    public Camera {
        Objects.requireNonNull(name, "name");
        modes = List.copyOf(modes);
    }

    @Override
    public String toString() {
        return name + " " + modes;
    }
}
