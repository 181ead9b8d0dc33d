package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loss-based limit: above 10% it cuts, from 2% it holds, below 2% it rises and is lifted; judged per stretch. */
class LossBasedControlTest {
    private static final long MS = 1_000_000;
    private static final long RTT = 100 * MS;

    private final LossBasedControl control = new LossBasedControl();
    private long now;

    @Test
    void highLossCutsByHalfTheLossAtMostOncePerRoundTripAnd300Ms() {
        assertThat(stretch(100, 20, 1_000_000)).isEqualTo(900_000);
        assertThat(control.lastFraction()).isEqualTo(0.2);

        assertThat(stretch(100, 20, 900_000)).as("a second later: cut again").isEqualTo(810_000);
    }

    @Test
    void moderateLossHoldsTheTarget() {
        assertThat(stretch(100, 5, 600_000)).isEqualTo(600_000);
        assertThat(stretch(100, 5, 700_000)).isEqualTo(600_000);
    }

    @Test
    void lowLossRaisesTheLimitUntilItPassesTheDelayBasedRate() {
        stretch(100, 20, 1_000_000);

        long raised = stretch(100, 1, 900_000);
        assertThat(raised).isEqualTo(900_000 * 108 / 100 + 1000);

        assertThat(stretch(100, 0, 900_000, 950_000)).isEqualTo(LossBasedControl.NO_LIMIT);
    }

    @Test
    void nothingIsJudgedBeforeTwentyPacketsAndASecond() {
        for (int i = 0; i < 19; i++) {
            control.onPacket(false);
        }
        assertThat(control.update(500_000, 500_000, RTT, 0)).isEqualTo(LossBasedControl.NO_LIMIT);
        control.onPacket(false);
        assertThat(control.update(500_000, 500_000, RTT, 999 * MS)).isEqualTo(LossBasedControl.NO_LIMIT);
        assertThat(control.update(500_000, 500_000, RTT, 1000 * MS)).isEqualTo(250_000);
    }

    private long stretch(int packets, int lost, long target) {
        return stretch(packets, lost, target, 10_000_000);
    }

    /** One stretch of {@code packets} a second after the last. */
    private long stretch(int packets, int lost, long target, long delayBased) {
        if (now == 0) {
            control.update(target, delayBased, RTT, 0);
        }
        now += 1000 * MS;
        for (int i = 0; i < packets; i++) {
            control.onPacket(i >= lost);
        }
        return control.update(target, delayBased, RTT, now);
    }
}
