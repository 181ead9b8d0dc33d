package dev.confab.media.audio.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.audio.opus.OpusLossPolicy.Decision;
import dev.confab.media.audio.opus.OpusLossPolicy.Limits;
import org.junit.jupiter.api.Test;

/** The loss-based policy, report by report. Fractions are RTCP's: loss times 256. */
class OpusLossPolicyTest {
    private static final int ONE_PERCENT = 3;
    private static final int FIVE_PERCENT = 13;
    private static final int TWENTY_PERCENT = 51;

    private final OpusLossPolicy policy = new OpusLossPolicy(Limits.DEFAULT, 32_000);

    @Test
    void noLossRaisesTheBitrateBy5PercentUpToTheMaximum() {
        assertThat(policy.onFractionLost(0)).isEqualTo(new Decision(33_600, 0));
        for (int i = 0; i < 30; i++) {
            policy.onFractionLost(0);
        }
        assertThat(policy.current()).isEqualTo(new Decision(64_000, 0));
    }

    @Test
    void anyLossGivesAHintSoFecWorks() {
        assertThat(policy.onFractionLost(ONE_PERCENT).packetLossPercent()).isEqualTo(5);
        assertThat(policy.current().bitrate()).as("below 2 %% the bitrate still rises").isEqualTo(33_600);
    }

    @Test
    void heavyLossCutsTheBitrateButNotBelowTheFecFloor() {
        assertThat(policy.onFractionLost(TWENTY_PERCENT)).isEqualTo(new Decision(28_812, 20));
        for (int i = 0; i < 10; i++) {
            policy.onFractionLost(TWENTY_PERCENT);
        }
        assertThat(policy.current()).isEqualTo(new Decision(24_000, 20));
    }

    @Test
    void theHintFallsOnlyWellBelowTheNextLevel() {
        policy.onFractionLost(TWENTY_PERCENT);
        policy.onFractionLost(FIVE_PERCENT);  // smoothed 12.5 %: stays at 20

        assertThat(policy.current().packetLossPercent()).isEqualTo(20);
        policy.onFractionLost(FIVE_PERCENT);  // smoothed 8.8 %: 11 % with the margin, still above 10
        assertThat(policy.current().packetLossPercent()).isEqualTo(20);
        policy.onFractionLost(FIVE_PERCENT);  // smoothed 6.9 %: 8.6 % with the margin
        assertThat(policy.current().packetLossPercent()).isEqualTo(10);
        for (int i = 0; i < 12; i++) {
            policy.onFractionLost(0);
        }
        assertThat(policy.current().packetLossPercent()).isZero();
    }

    @Test
    void withoutLossTheBitrateMayFallToTheMinimum() {
        OpusLossPolicy low = new OpusLossPolicy(new Limits(6_000, 64_000, 24_000), 1_000);

        assertThat(low.current()).isEqualTo(new Decision(6_000, 0));
    }

    @Test
    void thePeersMaxAverageBitrateCapsEveryLimit() {
        Limits capped = Limits.DEFAULT.cappedAt(20_000);

        assertThat(capped).isEqualTo(new Limits(6_000, 20_000, 20_000));
        assertThat(new OpusLossPolicy(capped, 32_000).onFractionLost(TWENTY_PERCENT))
                .isEqualTo(new Decision(20_000, 20));
    }

    @Test
    void refusesFractionsRtcpCannotCarry() {
        assertThatThrownBy(() -> policy.onFractionLost(256)).hasMessage("fraction lost 256 is outside 0-255");
        assertThatThrownBy(() -> new Limits(6_000, 64_000, 80_000)).hasMessageContaining("min <= fec min <= max");
    }
}
