package dev.confab.media.rtp.cc;

import static dev.confab.media.rtp.cc.CallSimulation.MS;
import static dev.confab.media.rtp.cc.CallSimulation.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtp.cc.CallSimulation.Second;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimate over simulated bottlenecks (virtual clock, seeded loss): it settles under a 500 kbit/s tbf-like limit
 * without starving audio, climbs back when the limit is lifted, ramps up on an open link with jitter, and is not
 * pulled down by 5% random loss.
 */
class BottleneckSimulationTest {

    @Test
    void rampsUpOnAnOpenLinkWithJitter() {
        Bottleneck link = new Bottleneck(10_000_000, 100_000, 50 * MS, 10 * MS, 0, new SplittableRandom(3));
        CallSimulation call = new CallSimulation(link, 50 * MS, BandwidthLimits.DEFAULT);

        call.runUntil(30 * SECOND);

        call.seconds().forEach(s -> System.out.println("open link, 10 ms jitter: " + s));
        long above1M = firstAbove(call.seconds(), 1_000_000);
        long atMax = firstAbove(call.seconds(), BandwidthLimits.DEFAULT.maxBps() - 1);
        System.out.printf("open link, 10 ms jitter: above 1 Mbit/s at %d s, at the 2.5 Mbit/s maximum at %d s%n",
                above1M, atMax);
        assertThat(above1M).isBetween(1L, 10L);
        assertThat(atMax).isBetween(1L, 25L);
    }

    /** tbf queues of 512 ms and of 128 ms at 500 kbit/s. */
    @ParameterizedTest
    @ValueSource(ints = {32_000, 8_000})
    void settlesUnderA500KbitLimitAndClimbsBackWhenItIsLifted(int queueBytes) {
        Bottleneck link = new Bottleneck(500_000, queueBytes, 50 * MS, 0, 0, new SplittableRandom(1));
        CallSimulation call = new CallSimulation(link, 50 * MS, BandwidthLimits.DEFAULT);

        call.runUntil(40 * SECOND);
        link.setRateBps(2_500_000);
        call.runUntil(70 * SECOND);

        List<Second> seconds = call.seconds();
        String name = "500 kbit/s (queue " + queueBytes + " B) then 2.5 Mbit/s: ";
        seconds.forEach(s -> System.out.println(name + s));
        List<Second> limited = seconds.subList(10, 40);
        int audioSent = limited.stream().mapToInt(Second::audioSent).sum();
        int audioLost = limited.stream().mapToInt(Second::audioLost).sum();
        double meanTarget = limited.stream().mapToLong(Second::targetBps).average().orElseThrow();
        long longestQueue = limited.stream().mapToLong(Second::queueDelayMs).max().orElseThrow();
        long climbedAt = firstAbove(seconds.subList(40, seconds.size()), 1_000_000);
        System.out.printf(name + "10-40 s: mean target %.0f kbit/s, audio lost %d/%d, longest queue %d ms;"
                + " above 1 Mbit/s at %d s (limit lifted at 40 s)%n", meanTarget / 1000, audioLost, audioSent,
                longestQueue, climbedAt);
        assertThat(limited).allSatisfy(s -> assertThat(s.targetBps()).isLessThan(520_000));
        assertThat(meanTarget).isBetween(300_000.0, 500_000.0);
        assertThat(audioLost).isLessThanOrEqualTo(audioSent / 100);
        assertThat(climbedAt).isBetween(41L, 60L);
    }

    @Test
    void fivePercentRandomLossDoesNotCollapseTheEstimate() {
        Bottleneck link = new Bottleneck(10_000_000, 100_000, 50 * MS, 0, 0.05, new SplittableRandom(2));
        CallSimulation call = new CallSimulation(link, 50 * MS, BandwidthLimits.DEFAULT);

        call.runUntil(40 * SECOND);

        call.seconds().forEach(s -> System.out.println("5% loss: " + s));
        long lowest = call.seconds().stream().skip(5).mapToLong(Second::targetBps).min().orElseThrow();
        System.out.printf("5%% random loss: lowest target after 5 s %d kbit/s, at 40 s %d kbit/s%n", lowest / 1000,
                call.congestion().targetBps() / 1000);
        assertThat(lowest).isGreaterThanOrEqualTo(BandwidthLimits.DEFAULT.startBps() * 8 / 10);
    }

    /** The first second whose target is above {@code bps}, or -1. */
    private static long firstAbove(List<Second> seconds, long bps) {
        return seconds.stream().filter(s -> s.targetBps() > bps).mapToLong(Second::index).findFirst().orElse(-1);
    }
}
