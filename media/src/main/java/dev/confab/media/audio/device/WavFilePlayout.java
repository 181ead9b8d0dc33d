package dev.confab.media.audio.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WAV file as the speaker: a dedicated thread ({@code audio-playout-file}) pulls 20 ms frames from the supplier and
 * appends them to a 48 kHz mono WAV file, until it has {@code maxFrames} or is closed; the file is complete once
 * {@link #finished()} completes, and so when {@link #close()} returns (the {@link WavWriter} survives the interrupt
 * that stops the thread). Thread-safe.
 */
public final class WavFilePlayout extends ThreadedAudio implements AudioPlayout {
    private WavFilePlayout(WavWriter writer, Pacing pacing, long maxFrames, FrameSupplier supplier,
            AtomicLong frames) {
        super(AudioThread.start("audio-playout-file", new FileLoop(writer, pacing, maxFrames, supplier, frames)),
                fileStats(frames));
    }

    /** Creates the file and starts pulling frames into it. */
    public static WavFilePlayout start(Path wav, Pacing pacing, long maxFrames, FrameSupplier supplier)
            throws IOException {
        return new WavFilePlayout(WavWriter.create(wav, AudioFrames.SAMPLE_RATE, 1), pacing, maxFrames, supplier,
                new AtomicLong());
    }

    private static final class FileLoop implements AudioThread.Loop {
        private final WavWriter writer;
        private final FramePacer pacer;
        private final long maxFrames;
        private final FrameSupplier supplier;
        private final AtomicLong frames;
        private final short[] frame = AudioFrames.newFrame();

        FileLoop(WavWriter writer, Pacing pacing, long maxFrames, FrameSupplier supplier, AtomicLong frames) {
            this.writer = writer;
            this.pacer = pacing == Pacing.REAL_TIME ? new FramePacer(System::nanoTime) : null;
            this.maxFrames = maxFrames;
            this.supplier = supplier;
            this.frames = frames;
        }

        @Override
        public boolean step() {
            if (frames.get() >= maxFrames) {
                return false;
            }
            if (pacer != null) {
                pacer.awaitNextFrame();
            }
            supplier.fill(frame);
            try {
                writer.write(frame, 0, frame.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            frames.incrementAndGet();
            return true;
        }

        @Override
        public void end() {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
