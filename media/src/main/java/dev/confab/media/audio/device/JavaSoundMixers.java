package dev.confab.media.audio.device;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * Java Sound's mixers that can capture or play 48 kHz 16-bit mono or stereo, except its {@code default} alias (which
 * {@link AudioDevice#systemDefault} stands for). Thread-safe.
 */
final class JavaSoundMixers {
    private static final String DEFAULT_ALIAS = "default [";

    List<AudioDevice> devices(Direction direction) {
        return Arrays.stream(AudioSystem.getMixerInfo())
                .filter(info -> !info.getName().startsWith(DEFAULT_ALIAS))
                .filter(info -> supports(AudioSystem.getMixer(info), direction))
                .map(info -> new AudioDevice(info.getName(), info.getDescription(), direction, false,
                        AudioDevice.Kind.JAVA_SOUND))
                .toList();
    }

    /** The mixer of that name, if it is still there. */
    Optional<Mixer> mixer(String name) {
        return Arrays.stream(AudioSystem.getMixerInfo()).filter(info -> info.getName().equals(name)).findFirst()
                .map(AudioSystem::getMixer);
    }

    /** A line of {@code direction}'s type in the format with {@code channels} channels. */
    static DataLine.Info lineInfo(Direction direction, int channels) {
        Class<?> type = direction == Direction.CAPTURE ? TargetDataLine.class : SourceDataLine.class;
        return new DataLine.Info(type, AudioFrames.lineFormat(channels));
    }

    private static boolean supports(Mixer mixer, Direction direction) {
        return mixer.isLineSupported(lineInfo(direction, 1)) || mixer.isLineSupported(lineInfo(direction, 2));
    }
}
