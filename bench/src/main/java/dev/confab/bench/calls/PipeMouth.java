package dev.confab.bench.calls;

import dev.confab.testkit.PulsePipe;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * The talker's mouth: a thread ({@code bench-mouth}, maximum priority) that writes a 20 ms frame of the {@link Bursts}
 * signal every 20 ms of {@link System#nanoTime()} into a pipe that plays it into the virtual microphone (testkit's
 * {@code PulsePipe}), a burst at the start of one frame in fifty, and notes the instant each burst's frame was handed
 * over. Two silent frames go first, so that the player's buffer holds a little and a late wake-up of this thread does
 * not empty it.
 *
 * <p>Thread contract: {@link #spokenAt}, {@link #spoken()}, {@link #failure()} and {@link #close()} from any thread.
 */
final class PipeMouth implements AutoCloseable {
    private static final int LEAD_FRAMES = 2;

    private final PulsePipe playing;
    private final OutputStream pipe;
    private final int bursts;
    private final CopyOnWriteArrayList<Long> spokenAt = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile IOException failure;

    private PipeMouth(PulsePipe playing, int bursts) {
        this.playing = playing;
        this.pipe = playing.toPlay();
        this.bursts = bursts;
        this.thread = Thread.ofPlatform().name("bench-mouth").priority(Thread.MAX_PRIORITY).unstarted(this::speak);
    }

    /** Starts speaking {@code bursts} bursts into {@code playing}, which it owns from now on, then silence. */
    static PipeMouth start(PulsePipe playing, int bursts) {
        PipeMouth mouth = new PipeMouth(playing, bursts);
        mouth.thread.start();
        return mouth;
    }

    /** The instant burst {@code burst} (from 0) was handed to the player. */
    long spokenAt(int burst) {
        return spokenAt.get(burst);
    }

    /** How many bursts have been spoken. */
    int spoken() {
        return spokenAt.size();
    }

    /** Why the mouth stopped early, if it did: the player's error and what it said. */
    String failure() {
        IOException e = failure;
        return e == null ? null : e + ": " + playing.log();
    }

    private void speak() {
        short[] frame = new short[Bursts.FRAME];
        byte[] bytes = new byte[2 * Bursts.FRAME];
        try {
            for (int i = 0; i < LEAD_FRAMES; i++) {
                pipe.write(bytes);
            }
            pipe.flush();
            long start = System.nanoTime();
            for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
                long due = start + n * 20_000_000L;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                boolean withBurst = n % Bursts.FRAMES_APART == 0 && spokenAt.size() < bursts;
                Bursts.fill(frame, withBurst, 0);
                for (int i = 0; i < frame.length; i++) {
                    bytes[2 * i] = (byte) frame[i];
                    bytes[2 * i + 1] = (byte) (frame[i] >> 8);
                }
                long now = System.nanoTime();
                pipe.write(bytes);
                pipe.flush();
                if (withBurst) {
                    spokenAt.add(now);
                }
            }
        } catch (IOException e) {
            if (!Thread.currentThread().isInterrupted()) {
                failure = e;
            }
        }
    }

    /** Stops the thread and ends the player. */
    @Override
    public void close() {
        thread.interrupt();
        playing.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
