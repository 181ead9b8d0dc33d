package dev.confab.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.PulseAudioExtension;
import dev.confab.testkit.VirtualDevice;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The watch tells this JVM's streams on the chosen device from those on another, against a real PulseAudio. */
class StreamWatchTest {
    @RegisterExtension
    static final PulseAudioExtension PULSE = new PulseAudioExtension();
    private static final AudioFormat FORMAT = new AudioFormat(48_000, 16, 1, true, false);

    @Test
    void countsOnlyTheStreamThatPlaysElsewhere() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Speaker chosen = pulse.addSpeaker("chosen_speaker", "Chosen speaker");
        VirtualDevice.Speaker elsewhere = pulse.addSpeaker("elsewhere_speaker", "Another speaker");
        pulse.makeDefault(chosen);
        try (StreamWatch watch = StreamWatch.start(pulse, chosen.name(), "no_such_source");
                SourceDataLine onChosen = started();
                SourceDataLine onElsewhere = started()) {
            String[] newest = pulse.pactl("list", "short", "sink-inputs").lines().toList().getLast().split("\t");
            pulse.pactl("move-sink-input", newest[0], elsewhere.name());
            await().atMost(Duration.ofSeconds(5)).until(() -> watch.strayedPlaying() > 0);
            assertThat(watch.strayedPlaying()).as("streams seen elsewhere").isEqualTo(1);
            assertThat(watch.strayedRecording()).isZero();
        } finally {
            pulse.remove(elsewhere);
            pulse.remove(chosen);
        }
    }

    private static SourceDataLine started() throws Exception {
        SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT);
        line.open(FORMAT);
        line.start();
        return line;
    }
}
