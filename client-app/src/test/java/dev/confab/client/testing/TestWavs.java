package dev.confab.client.testing;

import dev.confab.media.audio.device.WavWriter;
import java.io.IOException;
import java.nio.file.Path;

/** WAV files for tests: tones at 48 kHz mono, 16-bit. Stateless. */
public final class TestWavs {
    private TestWavs() {}

    /** Writes {@code seconds} of a sine at {@code hertz} (amplitude 8000) to {@code path}. */
    public static Path tone(Path path, double hertz, double seconds) throws IOException {
        int samples = (int) (48_000 * seconds);
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * hertz * i / 48_000.0));
        }
        try (WavWriter writer = WavWriter.create(path, 48_000, 1)) {
            writer.write(pcm, 0, pcm.length);
        }
        return path;
    }
}
