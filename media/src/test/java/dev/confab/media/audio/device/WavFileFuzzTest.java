package dev.confab.media.audio.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the WAV reader: any bytes either fail with a reason or parse to audio no larger than the
 * input that writes and parses back to the same samples. Nothing else may throw. Seeds: a mono and a stereo file.
 */
class WavFileFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        PcmAudio audio;
        try {
            audio = WavFile.parse(input);
        } catch (WavFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(2L * audio.samples().length).isLessThanOrEqualTo(input.length);
        try {
            assertThat(WavFile.parse(WavFile.marshal(audio)).samples()).isEqualTo(audio.samples());
        } catch (WavFormatException e) {
            throw new AssertionError("its own output does not parse: " + e.getMessage(), e);
        }
    }
}
