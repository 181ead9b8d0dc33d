package dev.confab.bench.calls;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.media.call.CallMediaState;
import dev.confab.media.call.CallSession;
import dev.confab.media.call.CallSessionConfig;
import dev.confab.media.call.CallSessionListener;
import dev.confab.media.ice.IceAgentConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mouth-to-ear latency of Confab's media pipeline without devices: two {@link CallSession}s connected on loopback;
 * one "capture" thread hands the talker's microphone a 20 ms frame every 20 ms, silent but for a 1 kHz burst once a
 * second, and one "playout" thread pulls the listener's speaker every 20 ms, as a device line would, on its own
 * phase. The latency of a burst runs from the instant its first sample was "spoken" (the frame holding it is complete
 * at the moment it is handed over, so a sample {@code i} of it was spoken {@code 20 ms - i/48 kHz} earlier) to the
 * instant the first sample over the threshold is "played" (a pulled frame starts playing when pulled). Included:
 * framing, Opus encode and decode with its look-ahead, SRTP, UDP on loopback, the jitter buffer and the wait for the
 * next playout pull. Not included: the device lines' own buffers.
 *
 * <p>Thread contract: one thread calls {@link #measure}; {@link #close()} ends the sessions and threads.
 */
final class PipelineLatency implements AutoCloseable {
    private static final int RATE = 48_000;
    private static final int FRAME = 960;
    private static final int BURST_OFFSET = 480;
    private static final int BURST_SAMPLES = 480;
    private static final int THRESHOLD = 4000;
    private static final int FRAMES_BETWEEN_BURSTS = 50;
    private static final long MISSED_AFTER_NANOS = 500_000_000L;

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService dtls = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService audio = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-audio");
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });
    private final Side talker = new Side();
    private final Side listener = new Side();
    private final AtomicInteger missed = new AtomicInteger();

    /** Connects the two sessions (offer, answer, trickled candidates) and waits until both are connected. */
    PipelineLatency() throws Exception {
        talker.session = session(talker);
        listener.session = session(listener);
        String answer = listener.session.acceptOffer(talker.session.createOffer());
        listener.sendTo(talker);
        talker.session.acceptAnswer(answer);
        talker.sendTo(listener);
        if (!talker.connected.await(15, TimeUnit.SECONDS) || !listener.connected.await(15, TimeUnit.SECONDS)) {
            throw new TimeoutException("the two sessions did not connect");
        }
    }

    /** The latencies of the {@code bursts} bursts heard, in milliseconds, after {@code warmUp} unmeasured ones. */
    List<Double> measure(int warmUp, int bursts) throws Exception {
        int total = warmUp + bursts;
        List<Double> latencies = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(total);
        long[] spokenAt = new long[total];
        int[] heard = {0};
        int[] frames = {0};
        short[] mic = new short[FRAME];
        short[] speaker = new short[FRAME];
        var capture = audio.scheduleAtFixedRate(() -> {
            int n = frames[0]++;
            int burst = n / FRAMES_BETWEEN_BURSTS;
            boolean withBurst = n % FRAMES_BETWEEN_BURSTS == 0 && burst < total;
            for (int i = 0; i < FRAME; i++) {
                boolean on = withBurst && i >= BURST_OFFSET && i < BURST_OFFSET + BURST_SAMPLES;
                mic[i] = on ? (short) (16000 * Math.sin(2 * Math.PI * 1000 * (i - BURST_OFFSET) / RATE)) : 0;
            }
            long now = System.nanoTime();
            if (withBurst) {
                spokenAt[burst] = now - (FRAME - BURST_OFFSET) * 1_000_000_000L / RATE;
            }
            talker.session.microphone().accept(mic);
        }, 0, 20, TimeUnit.MILLISECONDS);
        var playout = audio.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            listener.session.speaker().fill(speaker);
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
            for (int i = 0; i < FRAME; i++) {
                if (Math.abs(speaker[i]) > THRESHOLD) {
                    if (burst >= warmUp) {
                        latencies.add((now + i * 1_000_000_000L / RATE - spokenAt[burst]) / 1e6);
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

    private CallSession session(CallSessionListener owner) {
        SecureRandom random = new SecureRandom();
        return CallSession.create(CallSessionConfig.of(IceAgentConfig.defaults().withLoopback(true),
                DtlsCertificate.generate(random, Clock.systemUTC()), timers, dtls, random), owner);
    }

    @Override
    public void close() {
        talker.session.close();
        listener.session.close();
        audio.shutdownNow();
        timers.shutdownNow();
        dtls.shutdownNow();
    }

    /** One session's owner: holds its candidates until its description went out, then trickles them to the peer. */
    private static final class Side implements CallSessionListener {
        final CountDownLatch connected = new CountDownLatch(1);
        private final List<String> held = new ArrayList<>();
        volatile CallSession session;
        private Side peer;

        synchronized void sendTo(Side to) {
            peer = to;
            held.forEach(to.session::addRemoteCandidate);
            held.clear();
        }

        @Override
        public synchronized void localCandidate(String line) {
            if (peer == null) {
                held.add(line);
            } else {
                peer.session.addRemoteCandidate(line);
            }
        }

        @Override
        public void stateChanged(CallMediaState state) {
            if (state == CallMediaState.CONNECTED) {
                connected.countDown();
            }
        }
    }
}
