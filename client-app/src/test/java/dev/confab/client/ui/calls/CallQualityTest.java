package dev.confab.client.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The network quality indicator's judgement from loss, round trip and jitter. */
class CallQualityTest {

    @Test
    void aCleanFastPathIsGood() {
        assertThat(CallQuality.judge(0, 20, 2)).isEqualTo(CallQuality.GOOD);
        assertThat(CallQuality.judge(3, 200, 30)).isEqualTo(CallQuality.GOOD);
    }

    @Test
    void someLossOrDelayOrJitterIsFair() {
        assertThat(CallQuality.judge(5, 20, 2)).isEqualTo(CallQuality.FAIR);
        assertThat(CallQuality.judge(0, 300, 2)).isEqualTo(CallQuality.FAIR);
        assertThat(CallQuality.judge(0, 20, 45)).isEqualTo(CallQuality.FAIR);
    }

    @Test
    void heavyLossOrLongDelayOrBadJitterIsPoor() {
        assertThat(CallQuality.judge(15, 20, 2)).isEqualTo(CallQuality.POOR);
        assertThat(CallQuality.judge(0, 800, 2)).isEqualTo(CallQuality.POOR);
        assertThat(CallQuality.judge(0, 20, 90)).isEqualTo(CallQuality.POOR);
    }
}
