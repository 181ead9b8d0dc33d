package dev.confab.media.audio.device;

import java.util.Objects;

/**
 * A microphone or speaker as {@link AudioDevices} lists it. Immutable.
 *
 * @param name        the name to choose it by: a PulseAudio sink or source name, or a Java Sound mixer name
 * @param description what a person reads, such as "Built-in Audio Analog Stereo"
 * @param direction   capture or playout
 * @param isDefault   whether it was the system's default device when listed
 * @param kind        how it is reached, which decides how a line to it is opened
 */
public record AudioDevice(String name, String description, Direction direction, boolean isDefault, Kind kind) {
    /** The name of the device that follows the system's default. */
    public static final String SYSTEM_DEFAULT_NAME = "default";

    /** How a device is reached. */
    public enum Kind {
        /** Java Sound's default line, which follows whatever the system's default is, also when it changes. */
        SYSTEM_DEFAULT,
        /** A PulseAudio (or PipeWire) sink or source, reached through the default line and moved there. */
        PULSE_AUDIO,
        /** A Java Sound mixer, such as an ALSA card opened directly. */
        JAVA_SOUND
    }

    public AudioDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
    }

    /** The device that follows the system's default for {@code direction}. */
    public static AudioDevice systemDefault(Direction direction) {
        return new AudioDevice(SYSTEM_DEFAULT_NAME, "System default", direction, true, Kind.SYSTEM_DEFAULT);
    }

    public boolean followsSystemDefault() {
        return kind == Kind.SYSTEM_DEFAULT;
    }
}
