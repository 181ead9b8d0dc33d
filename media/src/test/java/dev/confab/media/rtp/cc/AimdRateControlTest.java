package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The delay-based rate: increases, the cut to 85% of what got through, its pacing, the caps. */
class AimdRateControlTest {
    private static final long MS = 1_000_000;
    private static final long RTT = 100 * MS;
    private static final BandwidthLimits LIMITS = new BandwidthLimits(100_000, 300_000, 2_500_000);

    private final AimdRateControl control = new AimdRateControl(LIMITS);

    @Test
    void itStartsAtTheStartRateAndRampsFastUntilTheFirstOveruse() {
        long rate = 0;
        for (int i = 0; i <= 10; i++) {
            rate = control.update(BandwidthUsage.NORMAL, -1, RTT, i * 100 * MS);
        }

        assertThat(rate).isBetween((long) (300_000 * AimdRateControl.STARTUP_INCREASE_PER_SECOND * 0.95),
                (long) (300_000 * AimdRateControl.STARTUP_INCREASE_PER_SECOND * 1.05));
    }

    @Test
    void overuseCutsTo85PercentOfTheAcknowledgedRateOncePerRoundTrip() {
        control.update(BandwidthUsage.NORMAL, -1, RTT, 0);

        long cut = control.update(BandwidthUsage.OVERUSING, 200_000, RTT, 10 * MS);
        long again = control.update(BandwidthUsage.OVERUSING, 150_000, RTT, 60 * MS);
        long later = control.update(BandwidthUsage.OVERUSING, 150_000, RTT, 120 * MS);

        assertThat(cut).isEqualTo(170_000);
        assertThat(again).as("within a round trip").isEqualTo(170_000);
        assertThat(later).isEqualTo(127_500);
    }

    @Test
    void afterAnOveruseItIncreasesAtEightPercentASecondOrAdditivelyNearTheCapacity() {
        AimdRateControl control = new AimdRateControl(new BandwidthLimits(100_000, 1_000_000, 2_500_000));
        control.update(BandwidthUsage.OVERUSING, 1_000_000, RTT, 0);
        control.update(BandwidthUsage.NORMAL, 850_000, RTT, 100 * MS);
        long additive = control.update(BandwidthUsage.NORMAL, 850_000, RTT, 1100 * MS);

        assertThat(additive - 850_000).as("a 1200-byte packet per 200 ms response time").isEqualTo(48_000);

        control.update(BandwidthUsage.NORMAL, 2_000_000, RTT, 1200 * MS);
        long before = control.rateBps();
        long multiplicative = control.update(BandwidthUsage.NORMAL, 2_000_000, RTT, 2200 * MS);
        assertThat((double) multiplicative / before).as("capacity forgotten once more got through")
                .isBetween(1.07, 1.09);
    }

    @Test
    void increasesStayWithinOneAndAHalfTimesWhatGotThrough() {
        control.update(BandwidthUsage.NORMAL, 100_000, RTT, 0);
        long rate = control.update(BandwidthUsage.NORMAL, 100_000, RTT, 1000 * MS);

        assertThat(rate).as("already above the cap: kept, not cut").isEqualTo(300_000);

        AimdRateControl fresh = new AimdRateControl(LIMITS);
        fresh.update(BandwidthUsage.NORMAL, 250_000, RTT, 0);
        assertThat(fresh.update(BandwidthUsage.NORMAL, 250_000, RTT, 1000 * MS)).isEqualTo(385_000);
    }

    @Test
    void underuseHoldsAndTheLimitsBound() {
        control.update(BandwidthUsage.NORMAL, -1, RTT, 0);
        assertThat(control.update(BandwidthUsage.UNDERUSING, -1, RTT, 1000 * MS)).isEqualTo(300_000);
        assertThat(control.update(BandwidthUsage.NORMAL, -1, RTT, 2000 * MS)).as("hold, then increase next time")
                .isEqualTo(300_000);

        assertThat(control.update(BandwidthUsage.OVERUSING, 10_000, RTT, 3000 * MS)).isEqualTo(LIMITS.minBps());
    }
}
