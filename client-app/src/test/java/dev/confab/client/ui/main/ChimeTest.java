package dev.confab.client.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.confab.media.audio.device.AudioFrames;
import dev.confab.media.audio.device.WavFile;
import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.PulseAudioExtension;
import dev.confab.testkit.PulseStream;
import dev.confab.testkit.VirtualDevice;
import dev.confab.testkit.audio.Tones;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The new-message chime on a private PulseAudio: heard on the speaker chosen for calls, not only on the default. */
class ChimeTest {
    @RegisterExtension
    static final PulseAudioExtension PULSE = new PulseAudioExtension();

    @TempDir
    Path dir;

    @Test
    void theChimeIsHeardOnTheChosenSpeakerAsItsTwoNotes() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Speaker speaker = pulse.addSpeaker("chime_spk", "Chime test speaker");

        short[] heard;
        try (PulseStream recording = pulse.record(speaker, dir.resolve("heard.wav"))) {
            Chime.playOn(speaker.name());
            recording.close();
            heard = WavFile.read(recording.file()).samples();
        }

        double first = Tones.powerAt(heard, Chime.NOTES[0]);
        double second = Tones.powerAt(heard, Chime.NOTES[1]);
        double between = Tones.powerAt(heard, 1100);
        assertThat(peak(heard)).as("the chime's loudest sample").isGreaterThan(3000);
        assertThat(first).as("880 Hz against 1100 Hz").isGreaterThan(20 * between);
        assertThat(second).as("1320 Hz against 1100 Hz").isGreaterThan(20 * between);
    }

    @Test
    void aSpeakerThatIsGoneFallsBackToTheDefaultWithoutFailing() {
        assertThatCode(() -> Chime.playOn("no such speaker " + System.nanoTime())).doesNotThrowAnyException();
    }

    @Test
    void theNotesAreEachAsLongAsSaidAndFadeOut() {
        short[] notes = Chime.notes(Chime.NOTES, Chime.NOTE_SECONDS);
        int perNote = (int) (AudioFrames.SAMPLE_RATE * Chime.NOTE_SECONDS);

        assertThat(notes).hasSize(2 * perNote);
        assertThat(peak(java.util.Arrays.copyOfRange(notes, 0, perNote / 4)))
                .isGreaterThan(3 * peak(java.util.Arrays.copyOfRange(notes, perNote * 3 / 4, perNote)));
    }

    private static int peak(short[] pcm) {
        int peak = 0;
        for (short sample : pcm) {
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }
}
