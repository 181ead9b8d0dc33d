package dev.confab.media.audio.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The microphones and speakers of this machine: the PulseAudio (or PipeWire) server's sinks and sources when one
 * runs, and Java Sound's own mixers (such as ALSA cards opened directly). A device is chosen by name; the name
 * {@value AudioDevice#SYSTEM_DEFAULT_NAME} is the device that follows the system's default, also when that changes
 * during a call. Each listing asks the system afresh. Thread-safe.
 */
public final class AudioDevices {
    private final PulseAudioControl pulse = new PulseAudioControl();
    private final JavaSoundMixers mixers = new JavaSoundMixers();

    /** Every device for {@code direction}; {@link AudioDevice#isDefault()} marks the system's current default. */
    public List<AudioDevice> list(Direction direction) {
        List<AudioDevice> devices = new ArrayList<>(pulse.devices(direction));
        devices.addAll(mixers.devices(direction));
        return List.copyOf(devices);
    }

    /** The device of that name, or the one following the system default for {@value AudioDevice#SYSTEM_DEFAULT_NAME}. */
    public Optional<AudioDevice> find(Direction direction, String name) {
        if (name.equals(AudioDevice.SYSTEM_DEFAULT_NAME)) {
            return Optional.of(AudioDevice.systemDefault(direction));
        }
        return list(direction).stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The device of that name, or the one following the system default when none has that name (any more). */
    public AudioDevice findOrSystemDefault(Direction direction, String name) {
        return find(direction, name).orElseGet(() -> AudioDevice.systemDefault(direction));
    }

    /**
     * Whether the device can still be opened: the system default always can, a PulseAudio device if its server still
     * has it, any other if it is listed again.
     */
    public boolean isPresent(AudioDevice device) {
        return switch (device.kind()) {
            case SYSTEM_DEFAULT -> true;
            case PULSE_AUDIO -> pulse.has(device.direction(), device.name());
            case JAVA_SOUND -> find(device.direction(), device.name()).isPresent();
        };
    }

    PulseAudioControl pulse() {
        return pulse;
    }

    JavaSoundMixers mixers() {
        return mixers;
    }
}
