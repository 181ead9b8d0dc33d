package dev.confab.bench.calls;

import dev.confab.media.audio.device.PcmAudio;
import dev.confab.media.audio.device.WavFile;
import dev.confab.testkit.audio.Speech;
import java.io.IOException;
import java.nio.file.Path;

/** The WAV files the benchmark's talkers send: a steady tone, and speech repeated to a given length. Stateless. */
public final class Voices {
    private static final int RATE = 48_000;

    private Voices() {
    }

    /** {@code seconds} of a {@code hertz} tone at half of full scale, 48 kHz mono. */
    static Path tone(Path wav, double hertz, int seconds) throws IOException {
        short[] samples = new short[RATE * seconds];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (16000 * Math.sin(2 * Math.PI * hertz * i / RATE));
        }
        WavFile.write(wav, PcmAudio.mono48k(samples));
        return wav;
    }

    /** {@code text} spoken by espeak-ng, repeated until it lasts {@code seconds}, 48 kHz mono. */
    public static Path speech(Path wav, String text, int seconds) throws IOException, InterruptedException {
        short[] once = Speech.pcm48k(text);
        short[] samples = new short[RATE * seconds];
        for (int at = 0; at < samples.length; at += once.length) {
            System.arraycopy(once, 0, samples, at, Math.min(once.length, samples.length - at));
        }
        WavFile.write(wav, PcmAudio.mono48k(samples));
        return wav;
    }
}
