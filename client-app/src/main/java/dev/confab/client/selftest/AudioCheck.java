package dev.confab.client.selftest;

import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.Direction;
import java.util.List;

/**
 * Sound: Java Sound loads and lists this machine's microphones and speakers (PulseAudio or PipeWire devices when a
 * sound server runs, and Java Sound's own mixers). None is a warning, not a failure: chat works without sound, and a
 * server machine has no sound card. No line is opened, so nothing is heard or recorded. Stateless.
 */
final class AudioCheck {
    private AudioCheck() {}

    static Finding run() {
        AudioDevices devices = new AudioDevices();
        List<AudioDevice> microphones = devices.list(Direction.CAPTURE);
        List<AudioDevice> speakers = devices.list(Direction.PLAYOUT);
        if (microphones.isEmpty() && speakers.isEmpty()) {
            return Finding.warn("no microphone or speaker found (no sound server or sound card): calls work, but"
                    + " without sound");
        }
        String found = count(microphones, "microphone") + " and " + count(speakers, "speaker");
        if (microphones.isEmpty()) {
            return Finding.warn(found + ": the other side will not hear you");
        }
        if (speakers.isEmpty()) {
            return Finding.warn(found + ": you will not hear the other side");
        }
        return Finding.ok(found);
    }

    private static String count(List<AudioDevice> devices, String kind) {
        if (devices.isEmpty()) {
            return "no " + kind;
        }
        return devices.size() + " " + kind + (devices.size() == 1 ? "" : "s") + " ("
                + String.join(", ", devices.stream().map(AudioDevice::description).toList()) + ")";
    }
}
