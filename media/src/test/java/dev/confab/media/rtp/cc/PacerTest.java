package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leaky bucket: 2.5 times the target, a 5 ms budget, faster when the queue is long, a bounded queue. */
class PacerTest {
    private static final long MS = 1_000_000;

    @Test
    void aKeyFrameIsSpreadAtTwoAndAHalfTimesTheTarget() {
        Pacer<Integer> pacer = new Pacer<>(400_000);
        for (int i = 0; i < 20; i++) {
            pacer.enqueue(i, 1250);
        }

        assertThat(pacer.queueNanos()).isEqualTo(200 * MS);
        List<Long> sentAt = drain(pacer, 0);

        assertThat(sentAt).hasSize(20);
        // 25 kB at 1 Mbit/s takes 200 ms; the first packet goes at once
        assertThat(sentAt.getLast()).isBetween(185 * MS, 200 * MS);
        assertThat(sentAt.get(1) - sentAt.get(0)).isEqualTo(10 * MS);
    }

    @Test
    void packetsGoInOrderAndNothingWhenEmpty() {
        Pacer<Integer> pacer = new Pacer<>(1_000_000);
        pacer.enqueue(1, 100);
        pacer.enqueue(2, 100);

        assertThat(pacer.poll(0)).isEqualTo(1);
        assertThat(pacer.nextSendNanos(0)).isGreaterThan(0);
        assertThat(pacer.poll(MS)).isEqualTo(2);
        assertThat(pacer.poll(2 * MS)).isNull();
        assertThat(pacer.nextSendNanos(2 * MS)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLongQueueDrainsWithinHalfASecond() {
        Pacer<Integer> pacer = new Pacer<>(100_000);
        for (int i = 0; i < 200; i++) {
            pacer.enqueue(i, 1250);
        }

        List<Long> sentAt = drain(pacer, 0);

        assertThat(sentAt.get(100)).isLessThan(500 * MS);
    }

    @Test
    void theQueueIsBounded() {
        Pacer<Integer> pacer = new Pacer<>(100_000);
        for (int i = 0; i < Pacer.MAX_PACKETS + 5; i++) {
            pacer.enqueue(i, 100);
        }

        assertThat(pacer.refused()).isEqualTo(5);
        assertThat(pacer.queuedBytes()).isEqualTo(Pacer.MAX_PACKETS * 100L);
    }

    /** Polls at each time the pacer names until it is empty; the times packets left. */
    private static List<Long> drain(Pacer<Integer> pacer, long start) {
        List<Long> sentAt = new ArrayList<>();
        long now = start;
        while (now != Long.MAX_VALUE) {
            for (Integer packet = pacer.poll(now); packet != null; packet = pacer.poll(now)) {
                sentAt.add(now);
            }
            now = pacer.nextSendNanos(now);
        }
        return sentAt;
    }
}
