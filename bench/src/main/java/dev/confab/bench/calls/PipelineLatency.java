package dev.confab.bench.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mouth-to-ear latency of Confab's media pipeline without devices: two {@link LoopbackSessions}; one "capture" thread
 * hands the talker's microphone a 20 ms frame every 20 ms, with a {@link Bursts burst} once a second, and one
 * "playout" thread pulls the listener's speaker every 20 ms, as a device line would, on its own phase. The latency of
 * a burst runs from the instant its first sample was "spoken" (the frame holding it is complete at the moment it is
 * handed over, so a sample {@code i} of it was spoken {@code 20 ms - i/48 kHz} earlier) to the instant the first
 * sample over the threshold is "played" (a pulled frame starts playing when pulled). Included: framing, Opus encode
 * and decode with its look-ahead, SRTP, UDP on loopback, the jitter buffer and the wait for the next playout pull.
 * Not included: the device lines' own buffers ({@link DeviceLatency} measures through them).
 *
 * <p>Thread contract: one thread calls {@link #measure}; {@link #close()} ends the sessions and threads.
 */
final class PipelineLatency implements AutoCloseable {
    private static final int BURST_OFFSET = 480;
    private static final long MISSED_AFTER_NANOS = 500_000_000L;

    private final ScheduledExecutorService audio = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-audio");
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });
    private final LoopbackSessions sessions;
    private final AtomicInteger missed = new AtomicInteger();

    /** Connects the two sessions and waits until both are connected. */
    PipelineLatency() throws Exception {
        sessions = new LoopbackSessions();
    }

    /** The latencies of the {@code bursts} bursts heard, in milliseconds, after {@code warmUp} unmeasured ones. */
    List<Double> measure(int warmUp, int bursts) throws Exception {
        int total = warmUp + bursts;
        List<Double> latencies = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(total);
        long[] spokenAt = new long[total];
        int[] heard = {0};
        int[] frames = {0};
        short[] mic = new short[Bursts.FRAME];
        short[] speaker = new short[Bursts.FRAME];
        var capture = audio.scheduleAtFixedRate(() -> {
            int n = frames[0]++;
            int burst = n / Bursts.FRAMES_APART;
            boolean withBurst = n % Bursts.FRAMES_APART == 0 && burst < total;
            Bursts.fill(mic, withBurst, BURST_OFFSET);
            long now = System.nanoTime();
            if (withBurst) {
                spokenAt[burst] = now - Bursts.nanos(Bursts.FRAME - BURST_OFFSET);
            }
            sessions.talker().microphone().accept(mic);
        }, 0, 20, TimeUnit.MILLISECONDS);
        var playout = audio.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            sessions.listener().speaker().fill(speaker);
            int burst = heard[0];
            if (burst >= total || spokenAt[burst] == 0) {
                return;
            }
            if (now - spokenAt[burst] > MISSED_AFTER_NANOS) {
                missed.incrementAndGet();
                heard[0]++;
                done.countDown();
                return;
            }
            for (int i = 0; i < Bursts.FRAME; i++) {
                if (Bursts.heard(speaker[i])) {
                    if (burst >= warmUp) {
                        latencies.add((now + Bursts.nanos(i) - spokenAt[burst]) / 1e6);
                    }
                    heard[0]++;
                    done.countDown();
                    return;
                }
            }
        }, 7, 20, TimeUnit.MILLISECONDS);
        try {
            if (!done.await(total + 10L, TimeUnit.SECONDS)) {
                throw new TimeoutException("heard " + heard[0] + " of " + total + " bursts");
            }
        } finally {
            capture.cancel(false);
            playout.cancel(false);
        }
        return new ArrayList<>(latencies);
    }

    /** Bursts not heard within half a second (none on a healthy loopback). */
    int missed() {
        return missed.get();
    }

    @Override
    public void close() {
        sessions.close();
        audio.shutdownNow();
    }
}
