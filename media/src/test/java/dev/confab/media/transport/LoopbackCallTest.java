package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void aWarmUpStoppedPartWayLeavesNoSocketOpenAndNoTaskFailing() throws Exception {
        // The app stops its start-up warm-up by interrupting it when a real call comes: at any point of the warm-up.
        long socketsBefore = iceSocketThreads();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        try {
            for (int stopAfterMillis : new int[] {0, 5, 20, 60, 150, 400}) {
                Thread warmUp = Thread.ofPlatform().start(() -> {
                    try {
                        LoopbackCall.warmUp();
                    } catch (Exception stopped) {
                        // interrupted part way, as the app stops it
                    }
                });
                Thread.sleep(stopAfterMillis); // the moment the call comes, not a wait for a condition
                warmUp.interrupt();
                warmUp.join(Duration.ofSeconds(20));
                assertThat(warmUp.isAlive()).as("the warm-up stopped after %d ms", stopAfterMillis).isFalse();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> iceSocketThreads() <= socketsBefore);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(uncaught).as("failures on the warm-up's threads").isEmpty();
    }

    private static long iceSocketThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ice-socket-")).count();
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
