package dev.confab.client.testing;

import dev.confab.media.audio.device.PcmAudio;
import dev.confab.media.audio.device.WavFile;
import java.io.IOException;
import java.nio.file.Path;

/** testkit's espeak-ng {@link dev.confab.testkit.audio.Speech} written as a 48 kHz WAV file for the CLI. Stateless. */
public final class Speech {
    private Speech() {}

    /** Speaks {@code text} into {@code wav}. */
    public static Path wav(String text, Path wav) throws IOException, InterruptedException {
        WavFile.write(wav, PcmAudio.mono48k(dev.confab.testkit.audio.Speech.pcm48k(text)));
        return wav;
    }
}
