package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two sockets' threads deliver at once, as when a controlling peer moves its media to another pair: the receiver
 * behind still sees one packet at a time.
 */
class SerialMediaReceiverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aSecondSocketsPacketWaitsUntilTheFirstIsDelivered() throws Exception {
        Gate inner = new Gate();
        MediaReceiver serial = new SerialMediaReceiver(inner);
        Thread first = Thread.ofPlatform().name("socket-a").start(() -> serial.rtp(new byte[] {1}, 0, 1));
        await().atMost(WAIT).until(() -> inner.entered.getCount() == 0);
        Thread second = Thread.ofPlatform().name("socket-b").start(() -> serial.rtcp(new byte[] {2}, 0, 1));
        Thread third = Thread.ofPlatform().name("socket-c").start(() -> serial.rtp(new byte[] {3}, 0, 1));

        await().atMost(WAIT).failFast("a packet delivered while the first one was", () -> inner.mostAtOnce.get() > 1)
                .until(() -> second.getState() == Thread.State.BLOCKED && third.getState() == Thread.State.BLOCKED);
        assertThat(inner.received).containsExactly("rtp 1");
        inner.release.countDown();
        for (Thread thread : List.of(first, second, third)) {
            assertThat(thread.join(WAIT)).isTrue();
        }

        assertThat(inner.received).containsExactlyInAnyOrder("rtp 1", "rtcp 2", "rtp 3");
        assertThat(inner.mostAtOnce.get()).isEqualTo(1);
    }

    /** Holds the first packet until released, and notes how many packets it was ever given at once. */
    private static final class Gate implements MediaReceiver {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public void rtp(byte[] buf, int off, int len) {
            take("rtp " + buf[off]);
        }

        @Override
        public void rtcp(byte[] buf, int off, int len) {
            take("rtcp " + buf[off]);
        }

        private void take(String packet) {
            mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
            received.add(packet);
            entered.countDown();
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        }
    }
}
