package dev.confab.testkit.audio;

import dev.confab.testkit.Ffmpeg;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speech made by espeak-ng (deterministic for a text), resampled by ffmpeg from its 22.05 kHz to 48 kHz mono 16-bit:
 * a real voice for call tests. Stateless.
 */
public final class Speech {
    private Speech() {}

    /** Speaks {@code text}; fails saying what to install when espeak-ng or ffmpeg is missing. */
    public static short[] pcm48k(String text) throws IOException, InterruptedException {
        try (Ffmpeg ffmpeg = Ffmpeg.prepare()) {
            Path spoken = ffmpeg.dir().resolve("spoken.wav");
            Process espeak;
            try {
                espeak = new ProcessBuilder("espeak-ng", "-v", "en", "-s", "150", "-w", spoken.toString(), text)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IllegalStateException("espeak-ng is not installed: apt-get install -y espeak-ng", e);
            }
            if (!espeak.waitFor(30, TimeUnit.SECONDS) || espeak.exitValue() != 0) {
                espeak.destroyForcibly();
                throw new IllegalStateException("espeak-ng failed to speak into " + spoken);
            }
            ffmpeg.start(List.of("-i", "spoken.wav", "-ar", "48000", "-ac", "1", "-f", "s16le", "spoken.raw"));
            if (!ffmpeg.awaitExit(Duration.ofSeconds(30)) || ffmpeg.exitCode() != 0) {
                throw new IllegalStateException("ffmpeg could not resample the speech: " + ffmpeg.log());
            }
            ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(ffmpeg.dir().resolve("spoken.raw")))
                    .order(ByteOrder.LITTLE_ENDIAN);
            short[] pcm = new short[raw.remaining() / 2];
            raw.asShortBuffer().get(pcm);
            return pcm;
        }
    }
}
