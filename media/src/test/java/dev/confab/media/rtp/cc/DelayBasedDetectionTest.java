package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Inter-arrival grouping, the trendline and the overuse detector together: a growing queue reads as overuse, a steady
 * one as normal, a draining one as underuse.
 */
class DelayBasedDetectionTest {
    private static final long MS = 1_000_000;

    @Test
    void packetsSentWithinFiveMillisecondsFormOneGroup() {
        InterArrival groups = new InterArrival();

        assertThat(groups.onPacket(0, 50 * MS)).isFalse();
        assertThat(groups.onPacket(4 * MS, 55 * MS)).isFalse();
        assertThat(groups.onPacket(20 * MS, 72 * MS)).as("second group starts; no pair of groups yet").isFalse();
        assertThat(groups.onPacket(40 * MS, 95 * MS)).isTrue();
        // the second group (sent at 20, arrived at 72) after the first (sent by 4, arrived by 55): 17 - 16 ms
        assertThat(groups.variationNanos()).isEqualTo(MS);
        assertThat(groups.completedArrivalNanos()).isEqualTo(72 * MS);
    }

    @Test
    void aBurstReleasedTogetherJoinsTheGroupBefore() {
        InterArrival groups = new InterArrival();
        groups.onPacket(0, 50 * MS);

        groups.onPacket(10 * MS, 51 * MS);

        assertThat(groups.onPacket(30 * MS, 80 * MS)).isFalse();
    }

    @Test
    void packetsSentBeforeTheCurrentGroupAreSkipped() {
        InterArrival groups = new InterArrival();
        groups.onPacket(10 * MS, 50 * MS);

        assertThat(groups.onPacket(0, 60 * MS)).isFalse();
    }

    @Test
    void aQueueGrowingTwoMillisecondsPerGroupIsOveruse() {
        assertThat(conclusion(2 * MS)).isEqualTo(BandwidthUsage.OVERUSING);
    }

    @Test
    void aSteadyQueueIsNormal() {
        assertThat(conclusion(0)).isEqualTo(BandwidthUsage.NORMAL);
    }

    @Test
    void aDrainingQueueIsUnderuse() {
        assertThat(conclusion(-2 * MS)).isEqualTo(BandwidthUsage.UNDERUSING);
    }

    @Test
    void theThresholdFollowsALastingTrendUpSlowlyAndStaysInItsBounds() {
        OveruseDetector detector = new OveruseDetector();
        double start = detector.threshold();
        for (int i = 0; i < 100; i++) {
            detector.detect(20, 0, 20 * MS, i * 20 * MS);
        }
        double raised = detector.threshold();
        for (int i = 100; i < 10_000; i++) {
            detector.detect(0, 0, 20 * MS, i * 20 * MS);
        }

        assertThat(raised).isGreaterThan(start).isLessThanOrEqualTo(20);
        assertThat(detector.threshold()).isEqualTo(6);
    }

    /** Groups every 20 ms whose delay changes by {@code stepNanos} each, for 2 s, through all three stages. */
    private static BandwidthUsage conclusion(long stepNanos) {
        InterArrival groups = new InterArrival();
        TrendlineEstimator trendline = new TrendlineEstimator();
        OveruseDetector detector = new OveruseDetector();
        BandwidthUsage usage = BandwidthUsage.NORMAL;
        long delay = 200 * MS;
        for (int i = 0; i < 100; i++) {
            long send = i * 20 * MS;
            delay = Math.max(0, delay + stepNanos);
            if (groups.onPacket(send, send + delay)) {
                double scaled = trendline.onGroup(groups.variationNanos(), groups.completedArrivalNanos());
                usage = detector.detect(scaled, trendline.trend(), 20 * MS, send);
            }
        }
        return usage;
    }
}
