package dev.confab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /health asks the database at most once a second, however often it is called. */
class HealthProbeTest {
    private long nanos = 1_000;
    private int probes;
    private boolean answers = true;
    private final HealthProbe probe = new HealthProbe(() -> {
        probes++;
        return answers;
    }, () -> nanos, Duration.ofSeconds(1));

    @Test
    void answersFromTheLastProbeForASecond() {
        for (int i = 0; i < 100; i++) {
            assertThat(probe.healthy()).isTrue();
        }
        assertThat(probes).isEqualTo(1);
        answers = false;
        nanos += 999_000_000L;
        assertThat(probe.healthy()).as("still the cached answer").isTrue();
        nanos += 1_000_000L;
        assertThat(probe.healthy()).isFalse();
        assertThat(probes).isEqualTo(2);
    }
}
