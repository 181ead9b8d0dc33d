package dev.confab.client.ui.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a device list: the device's name as the media layer knows it (empty for "System default" or "No
 * camera") and what the list shows. Immutable.
 *
 * @param name  the device's name; empty for the system default (audio) or none (camera)
 * @param label what a person reads
 */
public record DeviceChoice(Optional<String> name, String label) {
    public DeviceChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }

    /** The device that follows the system's default microphone or speaker. */
    public static DeviceChoice systemDefault() {
        return new DeviceChoice(Optional.empty(), "System default");
    }

    /** No camera: calls send no video. */
    public static DeviceChoice noCamera() {
        return new DeviceChoice(Optional.empty(), "No camera");
    }

    /** A device chosen before that is not there now. */
    public static DeviceChoice missing(String name) {
        return new DeviceChoice(Optional.of(name), name + " (not connected)");
    }

    @Override
    public String toString() {
        return label;
    }
}
