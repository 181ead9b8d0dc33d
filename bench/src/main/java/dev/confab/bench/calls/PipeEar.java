package dev.confab.bench.calls;

import dev.confab.testkit.PulsePipe;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An ear on a virtual device: a thread ({@code bench-ear}, maximum priority) that reads a pipe recording a PulseAudio
 * source (testkit's {@code PulsePipe}) and notes the instant each {@link Bursts burst} arrives: its first sample over
 * the threshold after at least {@value #QUIET_MILLIS} ms below it.
 *
 * <p>The instant of a sample is the instant it could be read. The recorder hands samples over in chunks a few
 * milliseconds apart, and a chunk is sometimes late; so after each read the ear reckons when its first sample arrived
 * were the stream always on time ({@code now - samples so far / 48 kHz}) and takes the earliest reckoning of the last
 * {@value #WINDOW_READS} reads, which follows the recorder's earliest delivery and not its stragglers. Two ears on two
 * sources through the same kind of recorder are late by the same amount, so the difference of their instants is
 * the time the sound took between the two sources.
 *
 * <p>Thread contract: {@link #heardBetween}, {@link #failure()} and {@link #close()} from any thread.
 */
final class PipeEar implements AutoCloseable {
    private static final int QUIET_MILLIS = 300;
    private static final int WINDOW_READS = 100;
    private static final long QUIET_SAMPLES = Bursts.RATE * QUIET_MILLIS / 1000;

    private final PulsePipe recording;
    private final InputStream pipe;
    private final CopyOnWriteArrayList<Long> heardAt = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean closing;

    private PipeEar(PulsePipe recording, String name) {
        this.recording = recording;
        this.pipe = recording.recorded();
        this.thread = Thread.ofPlatform().name("bench-ear-" + name).priority(Thread.MAX_PRIORITY)
                .unstarted(this::listen);
    }

    /** Starts listening to {@code recording}, which it owns from now on. */
    static PipeEar start(PulsePipe recording, String name) {
        PipeEar ear = new PipeEar(recording, name);
        ear.thread.start();
        return ear;
    }

    /** The first burst heard at or after {@code from} and before {@code until} (nanoTime), if any. */
    OptionalLong heardBetween(long from, long until) {
        return heardAt.stream().mapToLong(Long::longValue).filter(t -> t - from >= 0 && t - until < 0).findFirst();
    }

    /** Why the ear stopped early, if it did: the recorder's error, or what it said. */
    String failure() {
        IOException e = failure;
        if (e != null) {
            return e.toString();
        }
        return thread.isAlive() ? null : "the recorder ended: " + recording.log();
    }

    private void listen() {
        byte[] chunk = new byte[4096];
        long[] reckoned = new long[WINDOW_READS];
        int reads = 0;
        long samples = 0;
        long quiet = QUIET_SAMPLES;
        int kept = 0;
        try {
            for (int n = pipe.read(chunk, kept, chunk.length - kept); n >= 0;
                    n = pipe.read(chunk, kept, chunk.length - kept)) {
                long now = System.nanoTime();
                int bytes = kept + n;
                int whole = bytes & ~1;
                reckoned[reads++ % WINDOW_READS] = now - Bursts.nanos(samples + whole / 2);
                long base = earliest(reckoned, Math.min(reads, WINDOW_READS));
                for (int i = 0; i < whole; i += 2, samples++) {
                    short sample = (short) ((chunk[i] & 0xff) | chunk[i + 1] << 8);
                    if (!Bursts.heard(sample)) {
                        quiet++;
                    } else {
                        if (quiet >= QUIET_SAMPLES) {
                            heardAt.add(base + Bursts.nanos(samples));
                        }
                        quiet = 0;
                    }
                }
                kept = bytes - whole;
                if (kept == 1) {
                    chunk[0] = chunk[whole];
                }
            }
        } catch (IOException e) {
            if (!closing) {
                failure = e;
            }
        }
    }

    private static long earliest(long[] values, int count) {
        long min = values[0];
        for (int i = 1; i < count; i++) {
            min = Math.min(min, values[i]);
        }
        return min;
    }

    /** Ends the recorder and the thread. */
    @Override
    public void close() {
        closing = true;
        recording.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
