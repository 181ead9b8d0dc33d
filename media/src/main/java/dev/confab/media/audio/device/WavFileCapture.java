package dev.confab.media.audio.device;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WAV file as the microphone: its 48 kHz audio (stereo averaged to mono) is handed to the consumer in 20 ms frames
 * on a dedicated thread ({@code audio-capture-file}), the last frame padded with silence; then capture finishes. Thread-safe.
 */
public final class WavFileCapture extends ThreadedAudio implements AudioCapture {
    private WavFileCapture(short[] samples, Pacing pacing, FrameConsumer consumer, AtomicLong frames) {
        super(AudioThread.start("audio-capture-file", new FileLoop(samples, pacing, consumer, frames)),
                fileStats(frames));
    }

    /** Reads the file and starts delivering it; fails if it is not a 48 kHz 16-bit PCM WAV file. */
    public static WavFileCapture start(Path wav, Pacing pacing, FrameConsumer consumer)
            throws IOException, WavFormatException {
        PcmAudio audio = WavFile.read(wav);
        if (audio.sampleRate() != AudioFrames.SAMPLE_RATE) {
            throw new WavFormatException(wav + " is at " + audio.sampleRate() + " Hz; resample it to 48000 Hz"
                    + " (for example: sox in.wav -r 48000 out.wav)");
        }
        return new WavFileCapture(audio.mono().samples(), pacing, consumer, new AtomicLong());
    }

    private static final class FileLoop implements AudioThread.Loop {
        private final short[] samples;
        private final FramePacer pacer;
        private final FrameConsumer consumer;
        private final AtomicLong frames;
        private final short[] frame = AudioFrames.newFrame();
        private int position;

        FileLoop(short[] samples, Pacing pacing, FrameConsumer consumer, AtomicLong frames) {
            this.samples = samples;
            this.pacer = pacing == Pacing.REAL_TIME ? new FramePacer(System::nanoTime) : null;
            this.consumer = consumer;
            this.frames = frames;
        }

        @Override
        public boolean step() {
            if (position >= samples.length) {
                return false;
            }
            if (pacer != null) {
                pacer.awaitNextFrame();
            }
            int length = Math.min(frame.length, samples.length - position);
            System.arraycopy(samples, position, frame, 0, length);
            Arrays.fill(frame, length, frame.length, (short) 0);
            position += length;
            frames.incrementAndGet();
            consumer.accept(frame);
            return true;
        }

        @Override
        public void end() {}
    }
}
