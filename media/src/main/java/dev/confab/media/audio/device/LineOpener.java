package dev.confab.media.audio.device;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * Opens and starts a 48 kHz 16-bit line to a device, mono if the device takes it, else stereo. A PulseAudio device is
 * reached through Java Sound's default line, whose new stream is then moved to the device; opens are serialized so
 * that the new stream is told apart from this JVM's others, and the line remembers its stream's index so that a stream
 * the sound system later replaces (see {@link LineSession}) is noticed. Thread-safe.
 */
final class LineOpener {
    private static final Object PULSE_ROUTING = new Object();

    private final AudioDevices devices;

    LineOpener(AudioDevices devices) {
        this.devices = devices;
    }

    OpenedLine open(AudioDevice device, int bufferMillis) throws LineUnavailableException {
        return switch (device.kind()) {
            case SYSTEM_DEFAULT -> openOn(null, device, bufferMillis);
            case JAVA_SOUND -> openOn(devices.mixers().mixer(device.name()).orElseThrow(
                    () -> new LineUnavailableException("no mixer named " + device.name())), device, bufferMillis);
            case PULSE_AUDIO -> openRouted(device, bufferMillis);
        };
    }

    private OpenedLine openRouted(AudioDevice device, int bufferMillis) throws LineUnavailableException {
        synchronized (PULSE_ROUTING) {
            Set<String> before = devices.pulse().ownStreams(device.direction()).orElse(Set.of());
            OpenedLine opened = openOn(null, device, bufferMillis);
            Set<String> added = new HashSet<>(devices.pulse().ownStreams(device.direction()).orElse(Set.of()));
            added.removeAll(before);
            String stream = added.size() == 1 ? added.iterator().next() : null;
            if (stream == null || !devices.pulse().move(device.direction(), stream, device.name())) {
                opened.line().close();
                throw new LineUnavailableException("could not route the new stream to " + device.name());
            }
            return opened.routedAs(stream);
        }
    }

    private static OpenedLine openOn(Mixer mixer, AudioDevice device, int bufferMillis)
            throws LineUnavailableException {
        for (int channels = 1; channels <= 2; channels++) {
            DataLine.Info info = JavaSoundMixers.lineInfo(device.direction(), channels);
            if (mixer == null ? AudioSystem.isLineSupported(info) : mixer.isLineSupported(info)) {
                DataLine line = (DataLine) (mixer == null ? AudioSystem.getLine(info) : mixer.getLine(info));
                int bufferBytes = AudioFrames.lineFrameBytes(channels) * Math.max(1, bufferMillis / AudioFrames.FRAME_MILLIS);
                try {
                    switch (line) {
                        case TargetDataLine capture -> capture.open(AudioFrames.lineFormat(channels), bufferBytes);
                        case SourceDataLine playout -> playout.open(AudioFrames.lineFormat(channels), bufferBytes);
                        default -> throw new LineUnavailableException("not a data line: " + line);
                    }
                    line.start();
                } catch (LineUnavailableException | RuntimeException e) {
                    line.close();
                    throw e;
                }
                return new OpenedLine(line, channels, device, Optional.empty());
            }
        }
        throw new LineUnavailableException("no 48 kHz 16-bit line for " + device.name());
    }
}
