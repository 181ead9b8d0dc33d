package dev.confab.testkit.net.impairment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImpairmentSpecTest {

    @Test
    void readsEverySetting() {
        assertThat(ImpairmentSpec.parse("loss=0.05 dup=0.01 delay=40ms jitter=10ms reorder=0.02/30ms rate=500000"))
                .isEqualTo(Impairment.NONE.withLoss(LossModel.random(0.05)).withDuplication(0.01)
                        .withDelay(Duration.ofMillis(40), Duration.ofMillis(10))
                        .withReordering(0.02, Duration.ofMillis(30)).withRateLimit(RateLimit.of(500_000)));
        assertThat(ImpairmentSpec.parse("bursts=0.1/4").loss()).isEqualTo(LossModel.bursts(0.1, 4));
    }

    @Test
    void noneAndEmptyMeanNoImpairment() {
        assertThat(ImpairmentSpec.parse("none")).isEqualTo(Impairment.NONE);
        assertThat(ImpairmentSpec.parse("  ")).isEqualTo(Impairment.NONE);
    }

    @Test
    void namesTheSettingItCannotRead() {
        assertThatThrownBy(() -> ImpairmentSpec.parse("loss=0.1 delay=40")).hasMessageContaining("'delay=40'")
                .hasMessageContaining("milliseconds");
        assertThatThrownBy(() -> ImpairmentSpec.parse("loss=2")).hasMessageContaining("'loss=2'")
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ImpairmentSpec.parse("reorder=0.1")).hasMessageContaining("A/B");
        assertThatThrownBy(() -> ImpairmentSpec.parse("speed=9")).hasMessageContaining("unknown setting");
        assertThatThrownBy(() -> ImpairmentSpec.parse("loss")).hasMessageContaining("Not key=value");
    }
}
