package dev.confab.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevicePhaseTest {
    private final DevicePhase phase = new DevicePhase(DeviceRoute.CALL, 40, 40, 60, 35.2, 1, 2, 3, 4, 5, 6, 3.25,
            List.of(42.5, 43.25), List.of(170.5, 190.0));

    @Test
    void travelsAsOneLine() {
        assertThat(phase.line()).startsWith(DevicePhase.PREFIX).doesNotContain("\n");
        assertThat(DevicePhase.parse(phase.line())).isEqualTo(phase);
    }

    @Test
    void aPhaseWithNoBurstHeardTravelsToo() {
        DevicePhase silent = new DevicePhase(DeviceRoute.LINES, 20, 20, 20, 33, 30, 0, 0, 0, 1, 0, 0.5, List.of(),
                List.of());
        assertThat(DevicePhase.parse(silent.line())).isEqualTo(silent);
    }

    @Test
    void mouthToEarIsTheMeasuredLessTheReferencePerBurst() {
        assertThat(phase.mouthToEar()).containsExactly(128.0, 146.75);
    }

    @Test
    void refusesUnpairedBursts() {
        assertThatThrownBy(() -> new DevicePhase(DeviceRoute.CALL, 60, 60, 60, 1, 0, 0, 0, 0, 0, 0, 0, List.of(1.0),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
