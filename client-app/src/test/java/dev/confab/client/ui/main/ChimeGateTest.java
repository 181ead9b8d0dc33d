package dev.confab.client.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChimeGateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void oneChimeForABurstThenAnotherAfterTheGap() {
        ChimeGate gate = new ChimeGate();
        long start = 42 * SECOND;

        assertThat(gate.mayPlay(start)).isTrue();
        assertThat(gate.mayPlay(start + SECOND / 10)).isFalse();
        assertThat(gate.mayPlay(start + 19 * SECOND / 10)).isFalse();
        assertThat(gate.mayPlay(start + 2 * SECOND)).isTrue();
        assertThat(gate.mayPlay(start + 2 * SECOND + 1)).isFalse();
    }

    @Test
    void theFirstChimeAlwaysPlaysWhateverTheClockSays() {
        assertThat(new ChimeGate().mayPlay(Long.MIN_VALUE + 5)).isTrue();
        assertThat(new ChimeGate().mayPlay(0)).isTrue();
    }
}
