package dev.confab.client.core.calls;

import dev.confab.media.audio.device.AudioPlayout;
import dev.confab.media.audio.device.FrameSupplier;
import dev.confab.media.audio.device.LineStats;
import dev.confab.media.audio.device.WavWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WAV file as the speaker: every 20 ms its own thread ({@code call-recording}) pulls a frame from the supplier, as a
 * speaker would, and appends it to a 48 kHz mono WAV file, whose header is completed on {@link #close()}. It stops
 * without interrupting the thread, since an interrupt closes a file channel in the middle of a write and leaves the
 * file's header unfinished. Thread-safe.
 */
final class WavRecorder implements AudioPlayout {
    private static final Logger log = LoggerFactory.getLogger(WavRecorder.class);
    private static final int FRAME_SAMPLES = 960;

    private final WavWriter writer;
    private final FrameSupplier supplier;
    private final ScheduledExecutorService thread;
    private final short[] frame = new short[FRAME_SAMPLES];
    private final AtomicLong frames = new AtomicLong();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private WavRecorder(WavWriter writer, FrameSupplier supplier) {
        this.writer = writer;
        this.supplier = supplier;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "call-recording");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
    }

    /** Creates {@code wav} and starts pulling frames into it. */
    static WavRecorder start(Path wav, FrameSupplier supplier) throws IOException {
        WavRecorder recorder = new WavRecorder(WavWriter.create(wav, 48_000, 1), supplier);
        recorder.thread.scheduleAtFixedRate(recorder::step, 0, 20, TimeUnit.MILLISECONDS);
        return recorder;
    }

    private void step() {
        supplier.fill(frame);
        try {
            writer.write(frame, 0, frame.length);
            frames.incrementAndGet();
        } catch (IOException e) {
            log.warn("Recording failed", e);
            thread.shutdown();
        }
    }

    @Override
    public LineStats stats() {
        return new LineStats(frames.get(), 0, 0, 0, 1);
    }

    @Override
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Stops pulling, lets the frame in hand be written, and completes the file. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("The recording thread did not stop");
            }
            synchronized (this) {
                if (!finished.isDone()) {
                    writer.close();
                    finished.complete(null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            finished.completeExceptionally(e);
            log.warn("The recording could not be completed", e);
        }
    }
}
