package dev.confab.testkit.net.impairment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fates the model decides, checked on long seeded runs without sockets (a simulated clock). */
class ImpairmentModelTest {
    private static final int SIZE = 1000;
    private static final long GAP_NANOS = 1_000_000;
    private static final Impairment EVERYTHING = Impairment.NONE.withLoss(LossModel.random(0.1)).withDuplication(0.05)
            .withRateLimit(RateLimit.of(4_000_000)).withDelay(Duration.ofMillis(30), Duration.ofMillis(10))
            .withReordering(0.05, Duration.ofMillis(20));

    @Test
    void theSameSeedGivesTheSameFatesAndAnotherSeedOthers() {
        assertThat(fates(7, EVERYTHING, 5000)).isEqualTo(fates(7, EVERYTHING, 5000));
        assertThat(fates(7, EVERYTHING, 5000)).isNotEqualTo(fates(8, EVERYTHING, 5000));
    }

    @Test
    void randomLossLosesTheSetShare() {
        List<Fate> fates = fates(1, Impairment.NONE.withLoss(LossModel.random(0.05)), 100_000);
        assertThat(share(fates, Fate.Lost.class)).isCloseTo(0.05, within(0.004));
        assertThat(fates).filteredOn(Fate.Delivered.class::isInstance).allMatch(f -> ((Fate.Delivered) f).duplicateAtNanos().isEmpty());
    }

    @Test
    void aHigherLossWithTheSameSeedLosesAtLeastTheSameDatagrams() {
        List<Fate> five = fates(3, Impairment.NONE.withLoss(LossModel.random(0.05)), 20_000);
        List<Fate> ten = fates(3, Impairment.NONE.withLoss(LossModel.random(0.10)), 20_000);
        IntStream.range(0, five.size()).filter(i -> five.get(i) instanceof Fate.Lost)
                .forEach(i -> assertThat(ten.get(i)).isInstanceOf(Fate.Lost.class));
    }

    @Test
    void gilbertElliottLosesTheSetShareInBurstsOfTheSetMeanLength() {
        LossModel bursts = LossModel.bursts(0.05, 4);
        assertThat(bursts.meanLoss()).isCloseTo(0.05, within(1e-12));
        List<Fate> fates = fates(2, Impairment.NONE.withLoss(bursts), 200_000);

        assertThat(share(fates, Fate.Lost.class)).isCloseTo(0.05, within(0.008));
        List<Integer> burstLengths = new ArrayList<>();
        int run = 0;
        for (Fate fate : fates) {
            if (fate instanceof Fate.Lost) {
                run++;
            } else if (run > 0) {
                burstLengths.add(run);
                run = 0;
            }
        }
        assertThat(burstLengths.stream().mapToInt(Integer::intValue).average().orElseThrow()).isCloseTo(4.0, within(0.4));
    }

    @Test
    void duplicationCopiesTheSetShare() {
        List<Fate> fates = fates(4, Impairment.NONE.withDuplication(0.03), 100_000);
        long copies = fates.stream().filter(f -> f instanceof Fate.Delivered d && d.duplicateAtNanos().isPresent()).count();
        assertThat(copies / 100_000.0).isCloseTo(0.03, within(0.003));
    }

    @Test
    void delayAndJitterStayInTheirBandAroundTheSetMean() {
        Impairment delayed = Impairment.NONE.withDelay(Duration.ofMillis(30), Duration.ofMillis(10));
        List<Fate> fates = fates(5, delayed, 20_000);
        long[] delays = IntStream.range(0, fates.size())
                .mapToLong(i -> ((Fate.Delivered) fates.get(i)).atNanos() - i * GAP_NANOS).toArray();
        assertThat(Arrays.stream(delays).min().orElseThrow()).isBetween(20_000_000L, 20_100_000L);
        assertThat(Arrays.stream(delays).max().orElseThrow()).isBetween(39_900_000L, 40_000_000L);
        assertThat(Arrays.stream(delays).average().orElseThrow()).isCloseTo(30e6, within(0.3e6));
    }

    @Test
    void reorderingHoldsBackTheSetShareByTheExtraDelay() {
        Impairment reordering = Impairment.NONE.withDelay(Duration.ofMillis(5), Duration.ZERO)
                .withReordering(0.05, Duration.ofMillis(20));
        List<Fate> fates = fates(6, reordering, 50_000);
        long held = IntStream.range(0, fates.size())
                .filter(i -> ((Fate.Delivered) fates.get(i)).atNanos() - i * GAP_NANOS == 25_000_000).count();
        long onTime = IntStream.range(0, fates.size())
                .filter(i -> ((Fate.Delivered) fates.get(i)).atNanos() - i * GAP_NANOS == 5_000_000).count();
        assertThat(held + onTime).isEqualTo(fates.size());
        assertThat(held / 50_000.0).isCloseTo(0.05, within(0.005));
    }

    @Test
    void theRateLimitPassesTheSetRateAndDropsWhatOverflowsItsQueue() {
        RateLimit limit = new RateLimit(4_000_000, 2000, 50_000);
        ImpairmentModel model = new ImpairmentModel(9);
        long last = 0;
        long deliveredBytes = 0;
        int overflowed = 0;
        // 8 Mbit/s offered (1000 bytes every millisecond) for 10 simulated seconds into a 4 Mbit/s bucket.
        for (int i = 0; i < 10_000; i++) {
            Fate fate = model.decide(Impairment.NONE.withRateLimit(limit), i * GAP_NANOS, SIZE);
            if (fate instanceof Fate.Delivered d) {
                assertThat(d.atNanos()).as("FIFO").isGreaterThanOrEqualTo(last);
                assertThat(d.atNanos() - i * GAP_NANOS).as("queueing delay").isLessThanOrEqualTo(101_000_000);
                last = d.atNanos();
                deliveredBytes += SIZE;
            } else {
                assertThat(fate).isInstanceOf(Fate.Overflowed.class);
                overflowed++;
            }
        }
        assertThat(deliveredBytes * 8 * 1e9 / last).isCloseTo(4_000_000, within(50_000.0));
        assertThat(overflowed).isCloseTo(5000, within(100));
    }

    private static List<Fate> fates(long seed, Impairment impairment, int count) {
        ImpairmentModel model = new ImpairmentModel(seed);
        return IntStream.range(0, count).mapToObj(i -> model.decide(impairment, i * GAP_NANOS, SIZE)).toList();
    }

    private static double share(List<Fate> fates, Class<? extends Fate> kind) {
        return fates.stream().filter(kind::isInstance).count() / (double) fates.size();
    }
}
