package dev.confab.media.rtp.cc;

import static dev.confab.media.rtp.cc.CallSimulation.MS;
import static dev.confab.media.rtp.cc.CallSimulation.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.rtp.cc.CallSimulation.Second;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The estimate over simulated bottlenecks (virtual clock, seeded loss): it settles under a 500 kbit/s tbf-like limit
 * without starving audio, climbs back when the limit is lifted, and is not pulled down by 5% random loss.
 */
class BottleneckSimulationTest {

    @Test
    void settlesUnderA500KbitLimitAndClimbsBackWhenItIsLifted() {
        Bottleneck link = new Bottleneck(500_000, 32_000, 50 * MS, 0, new SplittableRandom(1));
        CallSimulation call = new CallSimulation(link, 50 * MS, BandwidthLimits.DEFAULT);

        call.runUntil(40 * SECOND);
        link.setRateBps(2_500_000);
        call.runUntil(70 * SECOND);

        List<Second> seconds = call.seconds();
        seconds.forEach(s -> System.out.println("500 kbit/s then 2.5 Mbit/s: " + s));
        List<Second> limited = seconds.subList(10, 40);
        int audioSent = limited.stream().mapToInt(Second::audioSent).sum();
        int audioLost = limited.stream().mapToInt(Second::audioLost).sum();
        double meanTarget = limited.stream().mapToLong(Second::targetBps).average().orElseThrow();
        long longestQueue = limited.stream().mapToLong(Second::queueDelayMs).max().orElseThrow();
        long climbedAt = seconds.stream().skip(40).filter(s -> s.targetBps() > 1_000_000).mapToLong(Second::index)
                .findFirst().orElse(-1);
        System.out.printf("10-40 s: mean target %.0f kbit/s, audio lost %d/%d, longest queue %d ms; above 1 Mbit/s at"
                + " %d s (limit lifted at 40 s)%n", meanTarget / 1000, audioLost, audioSent, longestQueue, climbedAt);
        assertThat(limited).allSatisfy(s -> assertThat(s.targetBps()).isLessThan(600_000));
        assertThat(meanTarget).isBetween(300_000.0, 500_000.0);
        assertThat(audioLost).isLessThanOrEqualTo(audioSent / 100);
        assertThat(climbedAt).isBetween(41L, 60L);
    }

    @Test
    void fivePercentRandomLossDoesNotCollapseTheEstimate() {
        Bottleneck link = new Bottleneck(10_000_000, 100_000, 50 * MS, 0.05, new SplittableRandom(2));
        CallSimulation call = new CallSimulation(link, 50 * MS, BandwidthLimits.DEFAULT);

        call.runUntil(40 * SECOND);

        call.seconds().forEach(s -> System.out.println("5% loss: " + s));
        long lowest = call.seconds().stream().skip(5).mapToLong(Second::targetBps).min().orElseThrow();
        System.out.printf("5%% random loss: lowest target after 5 s %d kbit/s, at 40 s %d kbit/s%n", lowest / 1000,
                call.congestion().targetBps() / 1000);
        assertThat(lowest).isGreaterThanOrEqualTo(BandwidthLimits.DEFAULT.startBps() * 8 / 10);
    }
}
