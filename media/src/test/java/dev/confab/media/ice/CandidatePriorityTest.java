package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.sdp.CandidateType;
import org.junit.jupiter.api.Test;

/** RFC 8445 sections 5.1.2 and 6.1.2.3. */
class CandidatePriorityTest {

    @Test
    void candidatePriorityIsTypeThenLocalPreferenceThenComponent() {
        assertThat(CandidatePriority.of(CandidateType.HOST, 65535)).isEqualTo((126L << 24) + (65535L << 8) + 255);
        assertThat(CandidatePriority.of(CandidateType.RELAY, 0)).isEqualTo(255);
        assertThat(CandidatePriority.of(CandidateType.PRFLX, 0)).isGreaterThan(CandidatePriority.of(CandidateType.SRFLX, 65535));
    }

    @Test
    void localPreferenceOutsideSixteenBitsIsRefused() {
        assertThatThrownBy(() -> CandidatePriority.of(CandidateType.HOST, 65536))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairPriorityFollowsTheFormulaAndBreaksTiesTowardsTheControllingSide() {
        long g = 2_130_706_431L;
        long d = 1_694_498_815L;

        assertThat(CandidatePriority.pair(g, d)).isEqualTo((d << 32) + 2 * g + 1);
        assertThat(CandidatePriority.pair(d, g)).isEqualTo((d << 32) + 2 * g);
    }

    @Test
    void theHighestPairPriorityStaysPositive() {
        long highest = Integer.MAX_VALUE;

        assertThat(CandidatePriority.pair(highest, highest)).isPositive()
                .isGreaterThan(CandidatePriority.pair(highest - 1, highest));
    }
}
