package dev.confab.media.audio.opus;

import dev.confab.testkit.Ffmpeg;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Speech made by espeak-ng (deterministic), resampled by ffmpeg to 48 kHz mono 16-bit: a real voice for codec tests. */
final class Speech {
    static final String TEXT = "Confab calls travel peer to peer. The quick brown fox jumps over the lazy dog,"
            + " and seven silver swans swam south.";

    private Speech() {}

    /** The samples of {@link #TEXT} spoken; fails saying what to install when espeak-ng or ffmpeg is missing. */
    static short[] samples() throws IOException, InterruptedException {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            Path wav = ffmpeg.dir().resolve("speech.wav");
            Process espeak;
            try {
                espeak = new ProcessBuilder("espeak-ng", "-v", "en", "-s", "150", "-w", wav.toString(), TEXT)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IllegalStateException("espeak-ng is not installed: apt-get install -y espeak-ng", e);
            }
            if (!espeak.waitFor(30, TimeUnit.SECONDS) || espeak.exitValue() != 0) {
                espeak.destroyForcibly();
                throw new IllegalStateException("espeak-ng failed to speak into " + wav);
            }
            ffmpeg.start(List.of("-i", "speech.wav", "-ar", "48000", "-ac", "1", "-f", "s16le", "speech.raw"));
            if (!ffmpeg.awaitExit(Duration.ofSeconds(30)) || ffmpeg.exitCode() != 0) {
                throw new IllegalStateException("ffmpeg could not resample the speech: " + ffmpeg.log());
            }
            ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(ffmpeg.dir().resolve("speech.raw")))
                    .order(ByteOrder.LITTLE_ENDIAN);
            short[] pcm = new short[raw.remaining() / 2];
            raw.asShortBuffer().get(pcm);
            return pcm;
        }
    }
}
