package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps down at once, up after a margin held 2 s, never flapping at a boundary; the CPU caps the step. */
class VideoQualityLadderTest {
    private static final long MS = 1_000_000;
    private static final VideoStep VGA = VideoQualityLadder.DEFAULT_STEPS.get(0);
    private static final VideoStep HVGA_30 = VideoQualityLadder.DEFAULT_STEPS.get(1);
    private static final VideoStep QVGA_30 = VideoQualityLadder.DEFAULT_STEPS.get(2);
    private static final VideoStep QVGA_15 = VideoQualityLadder.DEFAULT_STEPS.get(3);
    private static final VideoStep QQVGA_15 = VideoQualityLadder.DEFAULT_STEPS.get(4);

    @Test
    void theDefaultLadderDropsResolutionBeforeFrameRate() {
        assertThat(VideoQualityLadder.DEFAULT_STEPS).extracting(VideoStep::toString)
                .containsExactly("640x480@30", "480x360@30", "320x240@30", "320x240@15", "160x120@15");
    }

    @Test
    void itStartsAtTheBestStepTheRateAffords() {
        assertThat(VideoQualityLadder.withDefaults(2_000_000).current()).isEqualTo(VGA);
        assertThat(VideoQualityLadder.withDefaults(250_000).current()).isEqualTo(QVGA_30);
        assertThat(VideoQualityLadder.withDefaults(0).current()).isEqualTo(QQVGA_15);
    }

    @Test
    void aFallingRateStepsDownAtOnceAsFarAsNeeded() {
        VideoQualityLadder ladder = VideoQualityLadder.withDefaults(1_000_000);

        assertThat(ladder.update(120_000, CpuLoad.NORMAL, 0)).isEqualTo(QVGA_15);
        assertThat(ladder.update(20_000, CpuLoad.NORMAL, MS)).isEqualTo(QQVGA_15);
    }

    @Test
    void aRisingRateStepsUpOneStepAfterHoldingTheMarginForTwoSeconds() {
        VideoQualityLadder ladder = VideoQualityLadder.withDefaults(200_000);

        assertThat(ladder.update(360_000, CpuLoad.NORMAL, 0)).isEqualTo(QVGA_30);
        assertThat(ladder.update(360_000, CpuLoad.NORMAL, 1_999 * MS)).isEqualTo(QVGA_30);
        assertThat(ladder.update(360_000, CpuLoad.NORMAL, 2_000 * MS)).isEqualTo(HVGA_30);
        assertThat(ladder.update(5_000_000, CpuLoad.NORMAL, 2_001 * MS)).as("one step at a time").isEqualTo(HVGA_30);
    }

    @Test
    void aRateHoveringAtABoundaryDoesNotFlap() {
        VideoQualityLadder ladder = VideoQualityLadder.withDefaults(300_000);
        int changes = 0;
        VideoStep last = ladder.current();
        for (int i = 0; i < 1000; i++) {
            long rate = i % 2 == 0 ? 290_000 : 340_000;
            VideoStep step = ladder.update(rate, CpuLoad.NORMAL, i * 100 * MS);
            changes += step.equals(last) ? 0 : 1;
            last = step;
        }

        assertThat(changes).isEqualTo(1);
        assertThat(last).isEqualTo(QVGA_30);
    }

    @Test
    void cpuOveruseStepsDownAndCapsUntilUnderuseLiftsTheCap() {
        VideoQualityLadder ladder = VideoQualityLadder.withDefaults(2_000_000);

        assertThat(ladder.update(2_000_000, CpuLoad.OVERUSED, 0)).isEqualTo(HVGA_30);
        assertThat(ladder.update(2_000_000, CpuLoad.OVERUSED, MS)).isEqualTo(QVGA_30);
        assertThat(ladder.update(2_000_000, CpuLoad.NORMAL, 10_000 * MS)).as("capped").isEqualTo(QVGA_30);
        assertThat(ladder.update(2_000_000, CpuLoad.UNDERUSED, 10_001 * MS)).isEqualTo(QVGA_30);
        assertThat(ladder.update(2_000_000, CpuLoad.NORMAL, 13_000 * MS)).isEqualTo(HVGA_30);
        assertThat(ladder.update(2_000_000, CpuLoad.NORMAL, 20_000 * MS)).isEqualTo(HVGA_30);
        assertThat(ladder.update(2_000_000, CpuLoad.NORMAL, 23_000 * MS)).as("still capped").isEqualTo(HVGA_30);
    }

    @Test
    void aLadderMustEndAtZeroAndDescend() {
        VideoStep low = new VideoStep(160, 120, 15, 0);
        assertThatThrownBy(() -> new VideoQualityLadder(List.of(new VideoStep(160, 120, 15, 10)),
                new VideoStep(160, 120, 15, 10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VideoQualityLadder(List.of(low, low), low))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
