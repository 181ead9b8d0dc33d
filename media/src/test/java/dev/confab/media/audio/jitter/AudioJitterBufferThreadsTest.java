package dev.confab.media.audio.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The thread contract for real: a network thread inserts while a playout thread pulls as fast as it can, sharing no
 * lock. Every packet must reach the decoder whole and in order (the slot handover publishes the copied bytes), none
 * lost or late, and neither thread may fail.
 */
class AudioJitterBufferThreadsTest {
    private static final int PACKETS = 5000;
    private static final int FRAME = AudioJitterBuffer.FRAME_SAMPLES;

    @Test
    void aNetworkThreadAndAPlayoutThreadHandOverEveryPacketIntact() throws InterruptedException {
        SyntheticDecoder decoder = new SyntheticDecoder();
        AudioJitterBuffer buffer = new AudioJitterBuffer(decoder, JitterBufferConfig.defaults());
        AtomicLong pulls = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread playout = Thread.ofPlatform().name("test-playout").start(() -> {
            short[] frame = new short[FRAME];
            try {
                while (!stop.get() && settled(buffer.stats()) < PACKETS) {
                    buffer.pull(frame);
                    pulls.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        Thread network = Thread.ofPlatform().name("test-network").start(() -> {
            try {
                for (int i = 0; i < PACKETS && !stop.get(); i++) {
                    while (buffer.stats().received() - settled(buffer.stats()) > 32 && !stop.get()) {
                        Thread.onSpinWait();
                    }
                    byte[] payload = SyntheticDecoder.audio(i * (long) FRAME, FRAME, true);
                    buffer.insert(i, i * (long) FRAME, i * 20_000_000L, payload, 0, payload.length);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !playout.isAlive() || failure.get() != null);
        } finally {
            stop.set(true);
            playout.join();
            network.join();
        }

        assertThat(failure.get()).isNull();
        JitterBufferStats stats = buffer.stats();
        assertThat(stats.played()).isEqualTo(PACKETS);
        assertThat(stats.lost() + stats.late() + stats.duplicate() + stats.discarded()).isZero();
        long[] decoded = decoder.decodedTimestamps();
        assertThat(decoded).hasSize(PACKETS);
        for (int i = 0; i < PACKETS; i++) {
            assertThat(decoded[i]).isEqualTo(i * (long) FRAME);
        }
        assertThat(pulls.get()).isGreaterThan(0);
    }

    /** Packets the playout thread is done with, one way or another. */
    private static long settled(JitterBufferStats stats) {
        return stats.played() + stats.late() + stats.duplicate() + stats.discarded();
    }
}
