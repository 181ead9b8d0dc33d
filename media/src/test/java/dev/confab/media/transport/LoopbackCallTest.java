package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The loopback call the app sets up at start-up (with media both ways), and the benchmark times. */
class LoopbackCallTest {

    @Test
    void aLoopbackCallConnectsIceBeforeDtlsAndTheWarmUpEnds() throws Exception {
        assertThat(LoopbackCall.warmUp()).isLessThan(Duration.ofSeconds(20));

        try (LoopbackCall call = new LoopbackCall()) {
            LoopbackCall.Times times = call.measure();

            assertThat(times.iceConnectedNanos()).isPositive();
            assertThat(times.dtlsConnectedNanos()).isGreaterThan(times.iceConnectedNanos());
        }
    }

    @Test
    void theWarmUpSendsMediaBothWaysThroughSrtp() throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            call.measure(true);

            // Loopback loses nothing as long as each batch is waited for; allow a stray drop on a loaded machine.
            assertThat(call.warmUpPacketsArrived()).isBetween(2L * WarmUpTraffic.PACKETS_EACH_WAY * 99 / 100,
                    2L * WarmUpTraffic.PACKETS_EACH_WAY);
        }
    }
}
