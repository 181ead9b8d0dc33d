package dev.confab.client.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.confab.media.audio.device.AudioFrames;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ringtone: two seconds of tone then four of silence, and a speaker that cannot play never fails the caller. */
class RingtoneTest {

    @Test
    void thePatternRingsForTwoSecondsThenIsSilentForFourAndRepeats() {
        RingPattern pattern = new RingPattern();
        short[] frame = AudioFrames.newFrame();
        int frames = 2 * RingPattern.PERIOD_SAMPLES / frame.length;
        int loudFrames = 0;
        int peak = 0;
        for (int i = 0; i < frames; i++) {
            pattern.fill(frame);
            int framePeak = 0;
            for (short s : frame) {
                framePeak = Math.max(framePeak, Math.abs(s));
            }
            boolean inTone = (i * frame.length) % RingPattern.PERIOD_SAMPLES < RingPattern.ON_SAMPLES;
            if (inTone && framePeak > 1000) {
                loudFrames++;
            }
            if (!inTone) {
                assertThat(framePeak).as("frame %d is in the pause", i).isZero();
            }
            peak = Math.max(peak, framePeak);
        }
        assertThat(loudFrames).isEqualTo(2 * RingPattern.ON_SAMPLES / frame.length);
        assertThat(peak).isBetween(4000, Short.MAX_VALUE / 2);
    }

    @Test
    void aSpeakerThatIsNotThereLeavesTheRingtoneSilentWithoutFailing() {
        assertThatCode(() -> {
            Ringtone ringtone = Ringtone.start(Optional.of("no such speaker " + System.nanoTime()));
            ringtone.stop();
            ringtone.stop();
            assertThat(ringtone.playing()).isFalse();
        }).doesNotThrowAnyException();
        assertThat(Ringtone.start(Optional.empty()).playing()).isFalse();
    }
}
