package dev.confab.media.audio.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.TestRandom;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV files round-trip, odd files are read or refused with a reason, and the file-backed devices move every frame. */
class WavFileTest {
    @TempDir
    Path tmp;

    @Test
    void writesAndReadsBackTheSameSamples() throws Exception {
        PcmAudio stereo = new PcmAudio(44_100, 2, Signals.noise(TestRandom.seeded(1), 0.1, 30_000));
        Path file = tmp.resolve("stereo.wav");
        WavFile.write(file, stereo);
        PcmAudio read = WavFile.read(file);
        assertThat(read.sampleRate()).isEqualTo(44_100);
        assertThat(read.channels()).isEqualTo(2);
        assertThat(read.samples()).isEqualTo(stereo.samples());
    }

    @Test
    void theStreamingWriterMakesTheSameFileAsAWholeWrite() throws Exception {
        short[] samples = Signals.tone(440, 0.05, 10_000);
        Path streamed = tmp.resolve("streamed.wav");
        try (WavWriter writer = WavWriter.create(streamed, 48_000, 1)) {
            writer.write(samples, 0, 1000);
            writer.write(samples, 1000, samples.length - 1000);
        }
        assertThat(java.nio.file.Files.readAllBytes(streamed)).isEqualTo(WavFile.marshal(PcmAudio.mono48k(samples)));
    }

    @Test
    void theStreamingWriterKeepsEverySampleAcrossItsBufferInFrames() throws Exception {
        short[] samples = Signals.tone(440, 1.51, 10_000); // 2.2 buffers, the last frame short
        Path streamed = tmp.resolve("frames.wav");
        try (WavWriter writer = WavWriter.create(streamed, 48_000, 1)) {
            for (int at = 0; at < samples.length; at += AudioFrames.SAMPLES_PER_FRAME) {
                writer.write(samples, at, Math.min(AudioFrames.SAMPLES_PER_FRAME, samples.length - at));
            }
        }
        assertThat(java.nio.file.Files.readAllBytes(streamed)).isEqualTo(WavFile.marshal(PcmAudio.mono48k(samples)));
    }

    @Test
    void anInterruptedWriterStillCompletesItsFile() throws Exception {
        short[] samples = Signals.tone(440, 1.51, 10_000);
        Path file = tmp.resolve("interrupted.wav");
        try (WavWriter writer = WavWriter.create(file, 48_000, 1)) {
            Thread.currentThread().interrupt(); // as closing an AudioThread interrupts it in the middle of a step
            writer.write(samples, 0, samples.length);
        } finally {
            Thread.interrupted();
        }
        assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(WavFile.marshal(PcmAudio.mono48k(samples)));
    }

    @Test
    void skipsUnknownChunksAndReadsADataChunkCutShort() throws Exception {
        byte[] whole = WavFile.marshal(PcmAudio.mono48k(new short[] {1, -2, 3, -4}));
        ByteBuffer withList = ByteBuffer.allocate(whole.length + 10).order(ByteOrder.LITTLE_ENDIAN);
        withList.put(whole, 0, 36).put("LIST".getBytes()).putInt(1).put(new byte[] {7, 0}).put(whole, 36, whole.length - 36);
        assertThat(WavFile.parse(withList.array()).samples()).containsExactly(1, -2, 3, -4);
        byte[] cut = Arrays.copyOf(whole, whole.length - 4);
        assertThat(WavFile.parse(cut).samples()).containsExactly(1, -2);
    }

    @Test
    void refusesWhatIsNotSixteenBitPcmWithAReason() {
        byte[] eightBit = WavFile.marshal(PcmAudio.mono48k(new short[] {0, 0}));
        eightBit[34] = 8;
        assertThatThrownBy(() -> WavFile.parse(eightBit)).isInstanceOf(WavFormatException.class)
                .hasMessageContaining("not 16-bit PCM");
        assertThatThrownBy(() -> WavFile.parse("not a wav file at all".getBytes()))
                .isInstanceOf(WavFormatException.class).hasMessage("not a RIFF WAVE file");
        byte[] noData = Arrays.copyOf(WavFile.marshal(PcmAudio.mono48k(new short[0])), 36);
        assertThatThrownBy(() -> WavFile.parse(noData)).hasMessage("no data chunk");
    }

    @Test
    void aFileAsMicrophoneAndAFileAsSpeakerMoveEveryFrameAsFastAsPossible() throws Exception {
        short[] speech = Signals.noise(TestRandom.seeded(2), 1.01, 20_000);
        Path microphone = tmp.resolve("microphone.wav");
        WavFile.write(microphone, new PcmAudio(48_000, 2, interleaveTwice(speech)));
        List<short[]> frames = new ArrayList<>();
        try (WavFileCapture capture = WavFileCapture.start(microphone, Pacing.AS_FAST_AS_POSSIBLE,
                frame -> frames.add(frame.clone()))) {
            capture.finished().get(5, TimeUnit.SECONDS);
        }
        assertThat(frames).hasSize(51);
        assertThat(frames.getLast()).endsWith(new short[AudioFrames.SAMPLES_PER_FRAME - 480]);

        Path speaker = tmp.resolve("speaker.wav");
        int[] next = {0};
        try (WavFilePlayout playout = WavFilePlayout.start(speaker, Pacing.AS_FAST_AS_POSSIBLE, frames.size(),
                frame -> System.arraycopy(frames.get(next[0]++), 0, frame, 0, frame.length))) {
            playout.finished().get(5, TimeUnit.SECONDS);
        }
        assertThat(Arrays.copyOf(WavFile.read(speaker).samples(), speech.length)).isEqualTo(speech);
    }

    @Test
    void aFileAsMicrophoneInRealTimeTakesAsLongAsItsAudio() throws Exception {
        Path microphone = tmp.resolve("short.wav");
        WavFile.write(microphone, PcmAudio.mono48k(new short[AudioFrames.SAMPLES_PER_FRAME * 10]));
        long start = System.nanoTime();
        try (WavFileCapture capture = WavFileCapture.start(microphone, Pacing.REAL_TIME, frame -> { })) {
            capture.finished().get(5, TimeUnit.SECONDS);
            assertThat(capture.stats().frames()).isEqualTo(10);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(180), Duration.ofSeconds(2));
    }

    @Test
    void aFileAsSpeakerInRealTimeClosedMidwayHoldsEveryFrameItTook() throws Exception {
        Path speaker = tmp.resolve("closed.wav");
        short[] counter = {0};
        WavFilePlayout playout = WavFilePlayout.start(speaker, Pacing.REAL_TIME, Long.MAX_VALUE, frame -> {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = counter[0]++;
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> playout.stats().frames() >= 40); // past one write's buffer

        playout.close();

        assertThat(playout.finished()).isCompleted();
        short[] recorded = WavFile.read(speaker).samples();
        assertThat(recorded).hasSize((int) playout.stats().frames() * AudioFrames.SAMPLES_PER_FRAME);
        short[] pulled = new short[recorded.length];
        for (int i = 0; i < pulled.length; i++) {
            pulled[i] = (short) i;
        }
        assertThat(recorded).isEqualTo(pulled);
    }

    @Test
    void refusesAFileAsMicrophoneAtAnotherRate() throws Exception {
        Path file = tmp.resolve("22k.wav");
        WavFile.write(file, new PcmAudio(22_050, 1, new short[100]));
        assertThatThrownBy(() -> WavFileCapture.start(file, Pacing.REAL_TIME, frame -> { }))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("resample it to 48000 Hz");
    }

    private static short[] interleaveTwice(short[] mono) {
        short[] stereo = new short[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        return stereo;
    }
}
